"""The words of the local director's ad: each scene's on-screen text and voiceover line, and
the call to action. Pure.

On-screen text is only ever a key message, word for word, on its benefit scene: the one thing
an ad may put in big letters is what the marketer asked to be said. The voice says the product's
name, the key messages, the brief's own tone words and the call to action, nothing else (the
neutral "Look closer." opens it); every line is cut to what fits its scene at 2.5 words a second
(`app.words.script`), dropped rather than trimmed when it cannot fit, since half a claim may be
a different claim.
"""

from __future__ import annotations

from app.models.creative_brief import BriefFields
from app.words.script import spoken_words, words_that_fit

HOOK_LINE = "Look closer."


def call_to_action(brief: BriefFields, proposed: str) -> str:
    """The brief's own call to action when it has one, else the director's proposal."""
    return brief.call_to_action.strip() or proposed


def sentence(text: str) -> str:
    text = text.strip().rstrip(".!?")
    return f"{text[:1].upper()}{text[1:]}." if text else ""


def tone_line(brief: BriefFields) -> str:
    """The brief's first two tone words, said as they are: "Elegant. Calming." """
    return " ".join(sentence(word) for word in brief.emotional_tone[:2])


def fitted(line: str, seconds: float) -> str:
    """The line if it fits `seconds` at a natural pace, else nothing."""
    return line if len(spoken_words(line)) <= words_that_fit(seconds) else ""


def closing_line(product: str, cta: str, seconds: float) -> str:
    """The product's name and the call to action; the call alone, or the name alone, if the
    scene is too short for both."""
    both = f"{sentence(product)} {sentence(cta)}"
    if product.strip().lower() in cta.lower():
        both = sentence(cta)  # the call already names it: never say the name twice
    for line in (both, sentence(cta), sentence(product)):
        if fitted(line, seconds):
            return line
    return ""
