"""What Arabic punctuation leaves unsaid: questions written without a question mark.

Classical texts (hadith, tafsir) and much informal writing end a question with a full stop or
with nothing; a translation that ends it with "?" is right. A question word in the sentence
is the cue: the rules never see a ؟ there.
"""

from __future__ import annotations

from collections.abc import Callable

from lintr.text import WORD

# Question words and particles, and the interrogative hamza on the verbs and particles it is
# most often written on (أليس, ألم, أفلا, أرأيت …). Left out because they are far more often
# something else: أي ("that is", "O"), لم ("did not"), ألا ("indeed", "except").
QUESTION_WORDS = (
    "هل ما ماذا من كيف لماذا متى أين أنى أيان كم بم فيم علام إلام "
    "أليس ألست ألستم ألسنا أليست ألم أفلا أولم أوليس أفلم أولست "
    "أرأيت أرأيتم أرأيتك أرأيتكم أفرأيت أفرأيتم أتدري أتدرون أتعلم أتعلمون "
    "أتحب أتحبون أتريد أتريدون أتأذن أتأذنون أحق أصدقت"
).split()
# Particles written onto a question word: وما, فمن, أفلا is listed whole.
PROCLITICS = "وف"
KASRA = "\u0650"  # مِن is "from", مَن is "who": the vowel tells them apart where it is written


def question_cue(normalize: Callable[[str], str]) -> Callable[[str], bool]:
    """Whether a sentence reads as a question: a question word in it, matched once
    ``normalize`` has folded marks and hamza forms."""
    words = frozenset(map(normalize, QUESTION_WORDS))
    from_ = normalize("من")

    def is_question(sentence: str) -> bool:
        for written in WORD.findall(sentence):
            word = normalize(written)
            if word not in words and word[:1] in PROCLITICS:
                word = word[1:]
            if word in words and not (word == from_ and KASRA in written):
                return True
        return False

    return is_question
