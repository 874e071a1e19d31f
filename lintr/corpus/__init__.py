"""Compact state of the corpus-scope rules: counts, occurrences and places that stay small
however large the corpus."""
