"""What lintr knows of a language, as plugins give it: profiles and their capabilities, number
tables, bilingual dictionaries. Nothing here is about one language."""
