"""Built-in language profiles: one package per language, its data in modules named for it."""
