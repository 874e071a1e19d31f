"""Built-in bilingual dictionaries (the ``lintr_dictionaries`` hook)."""
