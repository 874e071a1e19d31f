"""Analyses of a text that rules and the aligner share: numbers, quantities, names, and
the spans no one translates (verbatim)."""
