"""Alignment: which units of a source and a target render each other. One algorithm at two
levels: paragraphs or lines between two files, and sentences inside a pair.

Dynamic programming over beads 1-1, 1-0, 0-1, 2-1, 1-2 and 2-2. A bead's cost is its prior
plus, where both sides have text, the Gale-Church length cost (with the length ratio and
its variance learned from the document or corpus at hand, not fixed) minus a reward for
the anchors both sides share (numbers, names, URLs, questions: see lintr.align.anchors).
Unlike Gale-Church, a unit left unpaired pays its prior only, not a cost growing with its
length: a long dropped paragraph is exactly what a linter must be able to find. The search
runs in a band around the diagonal, widened until the best path stays inside it: time and
memory are linear in the number of units for a fixed band.

The modules, from the bottom up: ``length`` (the length model), ``beads`` (units, bead
shapes and their priors), ``costs`` (what anchors add to a bead's cost), ``search`` (the
banded dynamic programme), ``refine`` (the second look at a document's gaps and merges),
``documents`` (the entry points: document_pairs, bitext_pairs). Beside them: ``anchors``,
``lexicon`` and ``sentences``.
"""
