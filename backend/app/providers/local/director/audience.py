"""Who the ad speaks to: recognising audiences in text, and casting one person to put on screen.

Image models draw a person, not a demographic, so "busy women 25-40" becomes "a busy woman in
her thirties" in shot descriptions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.providers.local.director.text import article

# Plural people-nouns, singular form (None: singularise by dropping the final "s").
PEOPLE: dict[str, str | None] = {
    "women": "woman", "woman": "woman", "men": "man", "man": "man", "people": "person",
    "moms": None, "mums": None, "mothers": None, "dads": None, "fathers": None,
    "parents": None, "families": "family", "kids": None, "children": "child", "teens": None,
    "teenagers": None, "students": None, "professionals": None, "workers": None,
    "employees": None, "teams": None, "founders": None, "entrepreneurs": None, "owners": None,
    "managers": None, "marketers": None, "developers": None, "engineers": None,
    "designers": None, "creators": None, "gamers": None, "runners": None, "athletes": None,
    "cyclists": None, "travellers": None, "travelers": None, "commuters": None,
    "millennials": None, "gen z": "Gen Z-er", "gen-z": "Gen Z-er", "boomers": None,
    "seniors": None, "retirees": None, "couples": None, "shoppers": None, "customers": None,
    "buyers": None, "clients": None, "users": None, "fans": None, "lovers": None,
    "enthusiasts": None, "drinkers": None, "foodies": None, "nurses": None, "doctors": None,
    "companies": "company", "businesses": "business owner", "startups": "startup founder",
    "agencies": "agency", "brands": None, "adults": None, "guys": None, "girls": None,
    "ladies": "lady", "folks": "person", "homeowners": None, "beginners": None, "pros": None,
    "freelancers": None, "mothers-to-be": "mother-to-be", "grads": None, "graduates": None,
    "executives": None, "cfos": "CFO", "ctos": "CTO", "accountants": None, "bakers": None,
    "cooks": None, "chefs": None, "yogis": None, "lifters": None, "hikers": None,
    "surfers": None, "skaters": None, "readers": None, "writers": None, "artists": None,
    "musicians": None, "pet owners": "pet owner", "dog owners": "dog owner", "anyone": "person",
    "everyone": "person", "someone": "person", "individuals": None, "consumers": None,
}  # fmt: skip
_FEMININE = {"women", "woman", "moms", "mums", "mothers", "girls", "ladies", "mothers-to-be"}
_MASCULINE = {"men", "man", "dads", "fathers", "guys"}
_MODIFIER_STOP = {"a", "an", "the", "and", "or", "for", "of", "at", "to", "in", "on", "with",
                  "our", "my", "your", "their", "who", "that", "is", "are", "it's", "its",
                  "mostly", "mainly", "aimed", "targeting", "target", "audience"}  # fmt: skip

_PEOPLE_RE = re.compile(
    r"(?<![\w-])("
    + "|".join(sorted((re.escape(p) for p in PEOPLE), key=len, reverse=True))
    + r"|[a-z]+ers)(?![\w-])",
    re.IGNORECASE,
)
AGE_RANGE = re.compile(
    r"\b(1[3-9]|[2-7]\d)\s*(?:-|–|—|to)\s*(1[5-9]|[2-9]\d)\b|\b(?:in their|aged?)\s+(\d0)s\b"
    r"|\b(\d0)s\b|\b(\d{2})\+",
    re.IGNORECASE,
)
_DECADES = {1: "teens", 2: "twenties", 3: "thirties", 4: "forties", 5: "fifties", 6: "sixties",
            7: "seventies"}  # fmt: skip


def names_people(text: str) -> bool:
    """True when a phrase names people: 'busy women', 'runners', 'anyone'."""
    return bool(_PEOPLE_RE.search(text))


def mentions_people(text: str) -> bool:
    """True when a phrase names people or an age range ('for 25-40s')."""
    return names_people(text) or bool(AGE_RANGE.search(text))


@dataclass(frozen=True)
class Persona:
    who: str
    """'a busy woman in her thirties'"""
    their: str
    them: str

    def render(self, template: str, product: str, capital: bool = False, thing: str = "") -> str:
        """Fill a category template ('{who} laces up {their} {p}') for this persona; `thing` is
        the product with what it is ('Kiln & Co handmade ceramic mugs'), the name by default."""
        text = template.format(
            p=product, thing=thing or product, who=self.who, their=self.their, them=self.them
        )
        return text[:1].upper() + text[1:] if capital else text


def _age_years(text: str) -> int | None:
    match = AGE_RANGE.search(text)
    if not match:
        return None
    low, high, decade_a, decade_b, plus = match.groups()
    if low and high:
        return (int(low) + int(high)) // 2
    decade = decade_a or decade_b
    if decade:
        return int(decade) + 4
    return int(plus) + 5 if plus else None


def _singular(noun: str) -> str:
    lowered = noun.lower()
    known = PEOPLE.get(lowered)
    if known:
        return known
    return lowered[:-1] if lowered.endswith("s") else lowered


def persona(audience: str) -> Persona:
    """Cast one person from an audience description (neutral pronouns unless it says otherwise)."""
    match = _PEOPLE_RE.search(audience)
    noun = match.group(1).lower() if match else ""
    if noun in _FEMININE:
        their, them = "her", "her"
    elif noun in _MASCULINE:
        their, them = "his", "him"
    else:
        their, them = "their", "them"
    if not match:
        base = "person"
        modifiers: list[str] = []
    else:
        base = _singular(noun)
        before = audience[: match.start()].split()
        modifiers = []
        for word in reversed(before[-2:]):
            clean = word.strip(",.;:()").lower()
            if not clean or clean in _MODIFIER_STOP or any(ch.isdigit() for ch in clean):
                break
            modifiers.insert(0, clean)
    noun_phrase = " ".join([*modifiers, base])
    who = f"{article(noun_phrase)} {noun_phrase}"
    years = _age_years(audience)
    if years is not None and 13 <= years < 80:
        who += f" in {their} {_DECADES[years // 10]}"
    return Persona(who=who, their=their, them=them)
