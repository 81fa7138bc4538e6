"""What one user turn says, and the turn's text with the parts already read blanked out.

Each reading pass claims the words it used, so a later pass cannot read them again: once "Kiln &
Co handmade ceramic mugs" is the product, "handmade" and "ceramic" are no longer a look, and
once "The name is Kiln & Co" named the product, a lone "The" is no answer about the audience.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

BLANK = "|"
"""Stands in for text an earlier pass has claimed, so later passes cannot read it again."""

_FILLER = re.compile(
    r"\b(?:i want it to|i'd like it to|it should|should|i want|i'd like|we want|i think|think|"
    r"i guess|maybe|something|somewhat|kind of|kinda|sort of|like|very|really|quite|super|"
    r"more|a bit|a little|feel|feels|feeling|look|looks|looking|vibe|vibes|tone|style|"
    r"colou?rs?|palette|visuals?|aesthetic|it|we|to|be|go for|going for|a|an|the|of|with|"
    r"lots|plenty|just|please|thanks|overall|and|or|but|so|no|nope|wait|actually|hmm+|oh|"
    r"sorry|oops|ok|okay|yes|yeah|instead|rather|go back|back|switch|change|make|is|are|"
    r"it's|that's|that|this|our|my|its|also|too|then|now|let's|lets)\b",
    re.IGNORECASE,
)
"""Words that carry no answer of their own ("it should feel …", "no wait, go back to …")."""


def content_words(text: str) -> list[str]:
    """The words of `text` that could be an answer once filler and claimed spans are gone."""
    return re.findall(r"[\w'&+-]+", _FILLER.sub(" ", text.replace(BLANK, " ")))


class TurnText:
    """A user turn with the spans earlier passes have claimed blanked out."""

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.chars = list(raw)

    @property
    def open(self) -> str:
        return "".join(self.chars)

    def claim(self, start: int, end: int) -> None:
        for i in range(max(start, 0), min(end, len(self.chars))):
            self.chars[i] = BLANK

    def claim_text(self, phrase: str) -> None:
        """Claim the first open occurrence of `phrase` (in any case), if there is one."""
        start = self.open.lower().find(phrase.lower()) if phrase else -1
        if start >= 0:
            self.claim(start, start + len(phrase))


@dataclass
class Findings:
    """What one user turn said, before it is merged into the draft."""

    product: str = ""
    product_confidence: int = 0
    """2 for a name ('Glow Drops'), 1 for a description standing in for one ('Coffee shop')."""
    description: str = ""
    """What the product is ('Handmade ceramic mugs'), when the turn says it."""
    audience: str = ""
    tones: list[str] = field(default_factory=list)
    styles: list[str] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)

    def fields_found(self) -> int:
        """How many brief fields this turn spoke to; several make it a one-message brief."""
        found = (self.product, self.audience, self.tones, self.styles, self.messages)
        return sum(1 for value in found if value)

    def anything(self) -> bool:
        return bool(self.fields_found() or self.description)
