"""Small wording helpers shared by the director's modules: splitting, joining, casing, choosing.

Everything here is pure and deterministic; "random" choices go through `stable_seed` so the
same conversation always reads the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TypeVar

from app.utils.helpers import stable_seed

T = TypeVar("T")

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
_TRAILING = " \t\n.,;:!?-–—\"'“”‘’()"
_LEADING = " \t\n,;:-–—\"'“”‘’()"


def sentences(text: str) -> list[str]:
    """Split prose into sentences; a newline always ends one (people type lists that way)."""
    return [part.strip() for part in _SENTENCE_END.split(text) if part.strip()]


def tidy(phrase: str) -> str:
    """Trim whitespace, stray punctuation and doubled spaces from a captured phrase."""
    phrase = re.sub(r"\s+", " ", phrase).strip(_TRAILING)
    return phrase.lstrip(_LEADING).strip()


def capitalise(phrase: str) -> str:
    """Upper-case the first letter only: 'visible results' → 'Visible results' (keeps 'iOS')."""
    return phrase[:1].upper() + phrase[1:] if phrase else phrase


def title_if_lower(phrase: str) -> str:
    """A name typed all in lower case reads better title-cased; a name with capitals is kept."""
    if phrase != phrase.lower():
        return phrase
    return " ".join(word[:1].upper() + word[1:] for word in phrase.split(" "))


def join_words(items: Sequence[str], conjunction: str = "and") -> str:
    """['a'] → 'a'; ['a', 'b'] → 'a and b'; ['a', 'b', 'c'] → 'a, b and c'."""
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


_A_BEFORE_VOWEL = ("uni", "use", "usu", "uti", "ure", "eu", "one", "once", "ewe")
_AN_BEFORE_H = ("hour", "honest", "honour", "honor", "heir")
_MASS_NOUN_WORDS = (
    "coffee tea skincare software furniture jewellery jewelry clothing footwear apparel "
    "equipment luggage granola chocolate water juice kombucha bread homeware tableware "
    "streetwear knitwear swimwear activewear makeup haircare bedding cookware kitchenware "
    "packaging stationery merchandise merch insurance advice hummus pasta rice yoghurt yogurt "
    "news"
)
_MASS_NOUNS = frozenset(_MASS_NOUN_WORDS.split())
_SINGULAR_S = ("ss", "us", "is", "ous")
_IRREGULAR_PLURALS = frozenset({"people", "children", "men", "women", "feet", "teeth", "mice"})
_PHRASE_END = re.compile(r"\s+(?:for|with|that|which|who|by|from|in|on|at|of|to)\s.*$", re.I)


def is_plural_or_mass(noun_phrase: str) -> bool:
    """'ceramic mugs', 'coffee', 'running shoes' take no 'a'; 'coffee shop' does. The head noun
    is the last word before any 'for …'/'by …' tail ('mugs by Kiln & Co' → 'mugs')."""
    words = _PHRASE_END.sub("", noun_phrase.strip()).split()
    if not words:
        return False
    head = words[-1].strip(",.;:!?\"'“”").lower()
    if head in _MASS_NOUNS or head in _IRREGULAR_PLURALS:
        return True
    return len(head) > 2 and head.endswith("s") and not head.endswith(_SINGULAR_S)


def article(noun_phrase: str) -> str:
    """'a' or 'an' by the sound of the first word ('an hour', 'a unique', 'an SPF')."""
    first = noun_phrase.strip().split(" ", 1)[0] if noun_phrase.strip() else ""
    word = first.lower()
    if len(first) > 1 and first.isupper() and first.isalpha():  # an acronym, read letter by letter
        return "an" if first[0] in "AEFHILMNORSX" else "a"
    if word.startswith(_A_BEFORE_VOWEL):
        return "a"
    if word.startswith(_AN_BEFORE_H):
        return "an"
    return "an" if word[:1] in ("a", "e", "i", "o", "u") else "a"


def with_article(noun_phrase: str) -> str:
    """'a coffee shop', 'an energy drink', but 'handmade ceramic mugs' and 'cold brew coffee'."""
    if is_plural_or_mass(noun_phrase):
        return noun_phrase
    return f"{article(noun_phrase)} {noun_phrase}"


def product_thing(name: str, description: str) -> str:
    """The product as an object in a shot: 'Kiln & Co handmade ceramic mugs'; just the name
    when there is no description or the name already says it ('Glow Serum', 'serum')."""
    what = description.strip()
    if not what or what.casefold() in name.casefold():
        return name
    what = what if len(what) > 1 and what[1].isupper() else what[:1].lower() + what[1:]
    return f"{name} {what}" if name else what


def pick(options: Sequence[T], *seed_parts: object) -> T:
    """One of `options`, chosen by a stable hash of `seed_parts` (never Python's salted hash)."""
    return options[stable_seed(*seed_parts) % len(options)]


def unique(items: Iterable[str]) -> list[str]:
    """Drop case-insensitive repeats, keeping the first spelling and the original order."""
    seen: set[str] = set()
    kept: list[str] = []
    for item in items:
        key = item.lower()
        if key and key not in seen:
            seen.add(key)
            kept.append(item)
    return kept


def clip_words(phrase: str, max_words: int, max_chars: int) -> str:
    """Shorten a phrase to whole words so it fits a model field without a ragged cut."""
    words = phrase.split()[:max_words]
    text = " ".join(words)
    while len(text) > max_chars and len(words) > 1:
        words = words[:-1]
        text = " ".join(words)
    return text[:max_chars].rstrip()


def quote(phrase: str) -> str:
    return f"“{phrase}”"
