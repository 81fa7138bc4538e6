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


def article(noun_phrase: str) -> str:
    """'a' or 'an' for a phrase, by its first letter (good enough for generated copy)."""
    return "an" if noun_phrase[:1].lower() in "aeiou" else "a"


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
