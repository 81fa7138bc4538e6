"""Reading the product from a user turn: its name, and what it is.

People name a product in many ways: "called Glow Drops", "Volt Rush is an energy drink", "an ad
for my energy drink Volt Rush", or just "Kiln & Co handmade ceramic mugs". The name goes into
`product_name`; the words that say what it is ("handmade ceramic mugs") into the description,
which tells the storyboard what to put on screen. A product known only by what it is ("I run a
coffee shop") is a description standing in for a name, with a lower confidence, so a real name
said later replaces it.
"""

from __future__ import annotations

import re

from app.providers.local.director.audience import mentions_people
from app.providers.local.director.category import infer_category
from app.providers.local.director.findings import Findings, TurnText, content_words
from app.providers.local.director.names import (
    CONNECTORS,
    DETERMINERS,
    INTRO,
    NP_STOP,
    QUOTED,
    describe,
    describing_word,
    is_name,
    name_and_description,
    name_from,
    name_inside,
    only_look_words,
    pure_name,
)
from app.providers.local.director.text import (
    capitalise,
    clip_words,
    sentences,
    tidy,
    title_if_lower,
)

_CLAUSE = r"[^,.;!?\n|()]+"

NAME_CUE = re.compile(
    r"\b(?:called|named|call it|calling it|re-?name(?:d)?(?:\s+it)?(?:\s+to)?|"
    r"name(?:'s|\s+is|\s+will be|\s+should be|\s+=|:)|brand(?:'s|\s+is|:)|goes by|"
    r"known as)\s+",
    re.IGNORECASE,
)
_PRODUCT_INTRO = re.compile(
    r"\b(?:ad|advert|advertisement|video|commercial|spot|reel|promo|campaign)\s+"
    r"(?:for|about|promoting)\s+(?P<np>" + _CLAUSE + ")"
    r"|\b(?:promote|promoting|launch|launching|selling|we sell|we make|introducing|introduce|"
    r"product is|it's a|it is a|it's an|it is an|i run|we run|i own|we own|i sell|i make|"
    r"my (?:business|company|shop|brand|startup) is|we're a|we are a)\s+(?P<np2>" + _CLAUSE + ")",
    re.IGNORECASE,
)
_NAME_FIRST = re.compile(
    r"^\s*(?P<name>[A-Z0-9][\w'&.+-]*(?:\s+(?:&|and|of|[A-Z0-9][\w'&.+-]*)){0,4})\s+"
    r"(?:is|are)\s+(?:a|an|our|the|my)\b(?P<what>" + _CLAUSE + ")?"
)
_APPOSITIVE = re.compile(
    r"^\s*,\s*(?P<article>(?:a|an|the|our|my)\s+)?(?P<what>" + _CLAUSE + ")", re.IGNORECASE
)
_STRONG_NAME_CUES = frozenset(
    {"called", "named", "name", "name's", "name:", "rename", "renamed", "re-name", "re-named"}
)
"""Cues strong enough that a lower-case phrase after them is still a name ('called glow drops')."""
_SELF_INTRO = re.compile(r"\b(?:my|i'm|i am|me)\s*$", re.IGNORECASE)
_SELF_INTRO_NAME = re.compile(r"\b(?:i'm|i am|my name is|my name's)\s+[A-Z]", re.IGNORECASE)
_WORKS_AT = re.compile(
    r"\b(?:(?i:i'm|i am|this is|it's)\s+[A-Z][\w'-]*\s+(?i:from|at|with)|(?i:i work (?:at|for))|"
    r"(?i:we're|we are))\s+(?=[A-Z0-9])"
)
"""'I'm Sam from Kiln & Co', 'I work at Kiln & Co', 'we're Kiln & Co': the brand follows."""
_ANSWER_LEAD_IN = re.compile(
    r"^(?:(?:it's|it is|we sell|we make|we're launching|we are launching|the product is|"
    r"the name is|a|an|the|my|our|this|new|brand new|brand-new)\s+)+",
    re.IGNORECASE,
)
_DESCRIBED_ANSWER = re.compile(
    r"^(?:(?:it's|it is|we sell|we make)\s+)?(?:a|an|our|my|some)\s", re.IGNORECASE
)


def _described_before(text: TurnText, cue: int) -> str:
    """What the product is, said before its name: 'an ad for our new running shoes? They're
    called Stride One', 'my vitamin C serum called Glow Drops'."""
    before = text.open[:cue]
    intros = list(_PRODUCT_INTRO.finditer(before))
    if intros:
        last = intros[-1]
        group = "np" if last.group("np") else "np2"
        phrase, start = last.group(group), last.start(group)
    else:
        phrase = re.split(r"[,.;!?\n|]", before)[-1]
        start = cue - len(phrase)
        if not DETERMINERS.match(phrase.strip()):
            return ""  # "They're called …" says nothing about what it is
    kept = NP_STOP.sub("", phrase)
    description = describe(kept)
    if description:
        text.claim(start, start + len(kept))
    return description


def _described_after(tail: str) -> tuple[str, int]:
    """What follows a name ('…, we make handmade ceramic mugs', '…, a boutique hotel'), and how
    many characters of `tail` say it."""
    match = re.match(
        r"^\s*,?\s*(?:(?:we|they)\s+(?:make|sell|run|are)\s+|(?:a|an|the)\s+)"
        r"(?P<what>[^,.;!?\n|]+)",
        tail,
        re.IGNORECASE,
    )
    if not match:
        return "", 0
    what = NP_STOP.sub("", match.group("what"))
    description = describe(what)
    return description, (match.start("what") + len(what)) if description else 0


def _found(findings: Findings, name: str, description: str = "", confidence: int = 2) -> None:
    findings.product, findings.product_confidence = name, confidence
    if description:
        findings.description = description


def read_product(
    text: TurnText, asked: str | None, product_known: bool, findings: Findings
) -> None:
    work = text.open
    # 1. Named outright: "called Glow Drops", "the name is 'Volt Rush'", "call it Dawn".
    for match in NAME_CUE.finditer(work):
        if _SELF_INTRO.search(work[: match.start()]):
            continue  # "my name is Sarah" introduces the marketer, not the product
        strong = match.group(0).split()[0].lower() in _STRONG_NAME_CUES
        tail = work[match.end() :]
        name = name_from(tail, plain_words_allowed=strong)
        if name:
            _found(findings, name, _described_before(text, match.start()))
            last = name.split()[-1]
            text.claim(match.start(), match.end() + tail.find(last) + len(last))
            return
    # 1b. "I'm Sam from Kiln & Co": the marketer introduces themselves, then the brand.
    for match in _WORKS_AT.finditer(work):
        name = name_from(work[match.end() :], plain_words_allowed=False)
        if name and not mentions_people(name):
            end = match.end() + len(name)
            description, length = _described_after(work[end:])
            _found(findings, name, description)
            text.claim(match.start(), end + length)
            return
    # 2. "Volt Rush is an energy drink …"
    for sentence in sentences(work):
        first = _NAME_FIRST.match(sentence)
        if first and is_name(first.group("name")):
            what = NP_STOP.sub("", first.group("what") or "")
            _found(findings, tidy(first.group("name")), describe(what))
            start = work.find(sentence)
            text.claim(start, start + (first.start("what") if what else first.end()) + len(what))
            return
    # 3. A quoted name where the turn talks about products or names.
    context = re.search(r"\b(name|called|product|brand|ad for)\b", work, re.IGNORECASE)
    if context or asked == "product_name":
        for match in QUOTED.finditer(work):
            if 1 <= len(match.group(1).split()) <= 6:
                _found(findings, tidy(match.group(1)))
                text.claim(match.start(), match.end())
                return
    # 4. "an ad for my energy drink Volt Rush" / "we're launching a vitamin C serum".
    described = ""
    for match in _PRODUCT_INTRO.finditer(work):
        group = "np" if match.group("np") else "np2"
        if group == "np2" and asked not in (None, "product_name"):
            continue  # "it's a younger crowd" answers another question
        np = NP_STOP.sub("", match.group(group))
        span = (match.start(group), match.start(group) + len(np))
        named = name_and_description(np, unprompted=False)
        if named:
            _found(findings, *named)
            text.claim(*span)
            return
        name, _ = name_inside(np)
        if name:
            # "We're launching Ledgerly, an invoicing app for …": what it is follows a comma.
            end, description = span[1], ""
            appositive = _APPOSITIVE.match(work[span[1] :])
            if appositive:
                what = NP_STOP.sub("", appositive.group("what"))
                plain = appositive.group("article") or infer_category(what).key != "generic"
                description = describe(what) if plain else ""
                if description:
                    end += appositive.start("what") + len(what)
            _found(findings, name, description)
            text.claim(span[0], end)
            return
        described = describe(np)
        if described:
            text.claim(*span)
            break
    if asked not in (None, "product_name") or (product_known and asked is None):
        if described:
            _found(findings, described, described, confidence=1)
        return  # an answer to another question, or a product already named
    # 5. "Kiln & Co handmade ceramic mugs": a name beside what it is, at the start of the turn.
    for candidate in _openings(text.open):
        phrase = NP_STOP.sub("", candidate)
        named = name_and_description(phrase, unprompted=asked != "product_name")
        if named is None and described and pure_name(phrase):
            named = (pure_name(phrase), described)
        if named:
            _found(findings, *named)
            text.claim_text(named[0])
            text.claim_text(named[1])
            return
    if described:  # "we make handmade candles", and no name yet
        _found(findings, described, described, confidence=1)
        return
    if asked == "product_name":
        _answer_to_the_product_question(text, findings)
        return
    # "Budget app for students" opening a chat: what it is, before anyone asked for a name.
    head = NP_STOP.sub("", next(iter(_openings(text.open)), "")).strip()
    description = describe(head)
    if description and infer_category(description).key != "generic":
        _found(findings, description, description, confidence=1)
        text.claim_text(head)
        return
    # "Spotify Premium for students": a name alone, before anything else is known. One word
    # ("Lumen", "Sam") could be anything, so it waits for the question.
    name = pure_name(head)
    if " " in name and not mentions_people(name) and not _SELF_INTRO_NAME.search(text.raw):
        _found(findings, name)
        text.claim_text(head)


def _openings(work: str) -> list[str]:
    """Where a turn that opens with its product names it: 'Hi! Kiln & Co handmade ceramic mugs',
    'Kiln & Co, handmade ceramic mugs', 'Kiln & Co. Handmade ceramic mugs.'"""
    opening = INTRO.sub("", work.strip())
    parts = [p.strip() for p in re.split(r"(?<=[.!?])\s+|[\n;(|]", opening) if p.strip()]
    if not parts:
        return []
    first = parts[0].rstrip(".!? ")
    candidates = [first.split(",", 1)[0]]
    if "," in first:
        candidates.append(first)
    if len(parts) > 1 and "," not in first and pure_name(first):
        following = parts[1].rstrip(".!? ")
        if infer_category(following).key != "generic":
            candidates.append(f"{first}: {following[:1].lower()}{following[1:]}")
    return candidates


def _answer_to_the_product_question(text: TurnText, findings: Findings) -> None:
    """The answer to "what's the product called?" is the product, unless it plainly answers
    something else ("Remote workers who love a slow morning" is who it is for)."""
    work = text.open
    first_clause = tidy(re.split(r"[,.;!?\n(|]|\s[-—–]\s", work.strip(), maxsplit=1)[0])
    if not first_clause or only_look_words(first_clause):
        return
    if ";" in work or len(work.split()) > 12:
        # A list or a paragraph is not a name: take a name inside it, never the whole of it.
        name, _ = name_inside(work)
        if name and not mentions_people(first_clause):
            _found(findings, name)
            text.claim_text(name)
        return
    name, _ = name_inside(work)  # "It's my little coffee shop, Ember & Oak"
    looks_like_a_name = all(
        w[:1].isupper() or w[:1].isdigit() or w.lower() in CONNECTORS for w in first_clause.split()
    )
    if mentions_people(first_clause) and not looks_like_a_name:
        return  # the audience pass takes it
    if name:
        _found(findings, name)
        text.claim_text(name)
        return
    # "a vitamin C serum" or "cold brew coffee" says what it is; "Glow Drops" is what it's called.
    sentence_case = first_clause[1:] == first_clause[1:].lower()
    described = bool(_DESCRIBED_ANSWER.match(first_clause)) or (
        sentence_case
        and describing_word(first_clause.split()[0])
        and infer_category(first_clause).key != "generic"
    )
    name = clip_words(tidy(_ANSWER_LEAD_IN.sub("", first_clause)), 6, 60)
    if not name or not content_words(name):
        return
    if described:
        description = capitalise(name)
        _found(findings, description, description, confidence=1)
    else:
        _found(findings, capitalise(title_if_lower(name)))
    text.claim_text(first_clause)
