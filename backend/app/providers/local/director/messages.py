"""Key messages: turning "zero sugar, focus that lasts and it tastes like citrus lightning" into
three separate lines the storyboard can give a scene each.
"""

from __future__ import annotations

import re

from app.providers.local.director.text import capitalise, clip_words, tidy, unique

MAX_MESSAGES = 8
_MAX_CHARS = 160

_ITEM_BREAKS = re.compile(r"\s*(?:;|\n|•|\s-\s|\u2013\s|\u2014\s|(?<=[.!?])\s+)\s*|^\s*[-*]\s+")
_LIST_BREAKS = re.compile(r",\s*(?:and\s+|also\s+|plus\s+)?|\s+(?:and|plus|also|&)\s+")
_CONTINUES = re.compile(
    r"^(?:all|each|every|both|with|without|which|who|so|because|including|even|from|in|at|on)\b",
    re.IGNORECASE,
)
"""A piece that leans on the one before ('twelve rooms, all with sea views') is not its own."""
_LEADING_FILLER = re.compile(
    r"^(?:and|also|plus|that|the fact that|oh|so|basically|mainly|mostly|i guess|i think|"
    r"i'd say|probably|definitely)(?=[\s,]|$)[\s,]*",
    re.IGNORECASE,
)
_EMPTY = re.compile(
    r"^(?:that's it|that is it|nothing else|none|no|yes|ok|okay|thanks|thank you|n/?a|idk)$",
    re.IGNORECASE,
)


def _clean(item: str) -> str:
    item = tidy(item)
    while True:
        stripped = _LEADING_FILLER.sub("", item)
        if stripped == item:
            break
        item = stripped
    item = tidy(item)
    if not item or _EMPTY.match(item):
        return ""
    return capitalise(clip_words(item, 24, _MAX_CHARS))


def _split_list(part: str) -> list[str]:
    """Split on commas and 'and' only when every piece reads as a message of its own.

    "Zero sugar and focus that lasts" is two messages; "salt and pepper", "fast, simple and
    secure" or "twelve rooms, all with sea views" is one idea and stays whole.
    """
    pieces = [p for p in (tidy(x) for x in _LIST_BREAKS.split(part)) if p]
    whole = len(pieces) < 2 or any(len(p.split()) < 2 for p in pieces)
    if not whole and not any(_CONTINUES.match(p) for p in pieces[1:]):
        return pieces
    return [part]


def split_messages(text: str) -> list[str]:
    """The separate key messages in a phrase, cleaned and capitalised."""
    items: list[str] = []
    for part in _ITEM_BREAKS.split(text):
        if part and part.strip():
            items.extend(_split_list(part.strip()))
    return unique(c for c in (_clean(i) for i in items) if c)[:MAX_MESSAGES]
