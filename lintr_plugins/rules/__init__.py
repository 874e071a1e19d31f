"""Built-in rule bundles: one package per family, one module per rule, named after its id."""
