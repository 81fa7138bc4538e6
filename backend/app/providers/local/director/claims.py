"""Claims an ad may only make when the brief makes them.

"Loved by students", "best-selling", "clinically proven", "30 % off", "results in two weeks":
words like these state facts about a product, and an ad that states a fact the marketer never
gave is a liability, not a flourish. The director's own wording (shot descriptions, lettering,
closing lines, suggestions) uses the brief's words or neutral visual language; this module is
how that is checked.
"""

from __future__ import annotations

import re

from app.models.creative_brief import BriefFields

_NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
    "forty|fifty|hundred|hundreds|thousand|thousands|million|millions|half|double|twice|triple"
)
CLAIMS = re.compile(
    r"(?<![\w-])(?:"
    # what others think of it
    r"loved by|trusted by|favou?rites?|fans?|customers love|everyone loves|most popular|"
    r"best[- ]?sell(?:ing|er|ers)|bestsell\w*|sold out|reviews?|rated|top[- ]rated|stars?|"
    # rank and superlatives
    r"#\s?1|number one|no\.? ?1|best|leading|world'?s|award[- ]winning|awards?|unbeatable|"
    r"unmatched|ultimate|perfect|revolutionary|"
    # proof
    r"clinically|proven|tested|certified|approved|recommended|dermatologists?|doctors?|"
    r"scientifically|studies|guarantee[ds]?|experts?|"
    # offers and prices
    r"free|trial|discounts?|% off|sale|deals?|offers?|limited|cheap|cheapest|prices?|"
    # results and time
    r"results?|instantly|overnight|all[- ]day|forever|in minutes|"
    r"(?:in|within) (?:a|one|two|three|four|\d+) (?:days?|weeks?|months?)|"
    # what it is made of, where and how
    r"(?:natural|organic)(?!\s+(?:light|lighting|daylight|grain|shapes?|textures?|tones?|"
    r"colou?rs?|wood|linen|materials?|curves?))|"
    r"vegan|sustainable|eco[- ]friendly|plastic[- ]free|handmade|hand[- ]made|"
    r"small[- ]batch|locally|(?:fresh|real|clean|natural|botanical) ingredients|"
    # numbers
    r"\d+(?:[.,]\d+)?\s?%?|" + _NUMBER_WORDS + r")(?![\w-])",
    re.IGNORECASE,
)


def brief_words(brief: BriefFields) -> str:
    """Everything the brief itself says, where a claim is allowed to come from."""
    parts = [
        brief.product_name,
        brief.product_description,
        brief.target_audience,
        *brief.emotional_tone,
        *brief.visual_style_keywords,
        *brief.key_messages,
    ]
    return " | ".join(parts)


def claims_in(text: str) -> list[str]:
    """Every claim phrase in `text`, lower-cased, in order."""
    return [match.group(0).lower() for match in CLAIMS.finditer(text)]


def invented_claims(text: str, brief: BriefFields) -> list[str]:
    """The claim phrases in `text` that the brief does not make itself."""
    allowed = set(claims_in(brief_words(brief)))
    return [claim for claim in claims_in(text) if claim not in allowed]
