"""English function words: the grammar of a sentence, which a name or a term never is.

A run of English left in another language's text that holds one of them is a clause or a
phrase left untranslated ("the talks will resume"); a run without any is more often a name,
a command or a term kept on purpose ("Debian Free Software Guidelines", "apt-get install").
Lower case; the untranslated-fragment rule compares words folded to lower case.
"""

from __future__ import annotations

FUNCTION_WORDS = frozenset(
    # articles and determiners
    "a an the this that these those some any each every no all both either neither "
    "another other such what which whose whatever "
    # pronouns
    "i me my mine we us our ours you your yours he him his she her hers it its they them "
    "their theirs myself yourself himself herself itself ourselves themselves who whom "
    # prepositions
    "of to in on at by for from with without into onto upon about above below over under "
    "after before between among through during against within across along around behind "
    "beside besides beyond near off out up down since until till toward towards via per "
    # conjunctions
    "and or but nor so yet if then than because although though while whereas unless "
    "whether when where how why "
    # auxiliaries and modals
    "is are was were be been being am has have had having do does did done will would "
    "shall should can could may might must "
    # adverbs of grammar
    "not also only just very too here there now again still already yet ever never".split()
)
