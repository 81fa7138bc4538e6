"""Reading the conversation into a creative brief.

The marketer writes free text, in any order, sometimes everything at once and sometimes one word
at a time. Each user turn is read in three passes:

1. explicit cues ("called X", "for busy women", "the main point is …") claim their spans first;
2. tone and style vocabulary is mined from what is left, sentence by sentence, using nearby cue
   words ("feel", "colours") to place ambiguous words like "warm" or "bold";
3. if the director had just asked for a field and nothing explicit filled it, the answer itself
   is taken as that field ("Busy women 25-40." after "Who is it for?").

Later turns win: a new name replaces the old one, and "actually …" replaces a list instead of
adding to it. A marketer who says "you decide" gets the director's suggestion, recorded as such.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from app.models.chat import ChatMessage
from app.models.creative_brief import BriefFields
from app.providers.local.director import lexicon
from app.providers.local.director.audience import AGE_RANGE, mentions_people, names_people
from app.providers.local.director.messages import MAX_MESSAGES, split_messages
from app.providers.local.director.questions import asked_field
from app.providers.local.director.text import (
    capitalise,
    clip_words,
    sentences,
    tidy,
    title_if_lower,
    unique,
)

MAX_TONES = 10
MAX_STYLES = 12
_BLANK = "|"
"""Stands in for text an earlier pass has claimed, so later passes cannot read it again."""

# ---------------------------------------------------------------------------------------------
# Patterns. Captures run to the end of a clause; `_END` is where a clause stops.

_CLAUSE = r"[^,.;!?\n|()]+"
_SENTENCE = r"[^\n|]+?(?=[.!?](?:\s|$)|\n|\||$)"

_MESSAGE_CUES = re.compile(
    r"(?:\b(?:the\s+|our\s+|my\s+)?(?:key|main|core|big|biggest|primary|central|top|one|most"
    r" important)\s+(?:message|point|benefit|selling point|takeaway|thing|idea)s?"
    r"(?:\s+(?:to\s+(?:get across|land|remember|know)|people should (?:know|remember)))?"
    r"|\b(?:message|takeaway|tagline|slogan|headline|usp|selling points?|benefits?)"
    r"(?=\s*(?:is|are|:)))"
    r"\s*(?:is|are|would be|should be|will be|:|=|-)\s*(?:that\s+)?(?P<m>" + _SENTENCE + ")"
    r"|\bwant\s+(?:people|them|viewers|customers|everyone|folks|the audience|you|users|buyers)\s+"
    r"to\s+(?:know|remember|understand|take away|get|learn)(?:\s+that)?\s+(?P<m2>" + _SENTENCE + ")"
    r"|\b(?:mention|highlight|emphasi[sz]e|call out)\s+(?:that\s+)?"
    r"(?P<m3>" + _SENTENCE + ")",
    re.IGNORECASE,
)

_NAME_CUE = re.compile(
    r"\b(?:called|named|call it|calling it|re-?name(?:d)?(?:\s+it)?(?:\s+to)?|"
    r"name(?:'s|\s+is|\s+will be|\s+should be|\s+=|:)|brand(?:'s|\s+is|:)|goes by|"
    r"known as)\s+",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"[\"“‘']([^\"”’'\n]{1,60})[\"”’']")
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
    r"(?:is|are)\s+(?:a|an|our|the|my)\b"
)
_NP_STOP = re.compile(
    r"\s+(?:called|named|for|that|which|who|to|with|and|but|aimed|targeting|because|so)\b.*$",
    re.IGNORECASE,
)
_DETERMINERS = re.compile(
    r"^(?:(?:a|an|the|my|our|this|these|their|its|it's|it is|new|brand new|brand-new)\s+)+",
    re.IGNORECASE,
)
_STRONG_NAME_CUES = frozenset(
    {"called", "named", "name", "name's", "name:", "rename", "renamed", "re-name", "re-named"}
)
"""Cues strong enough that a lower-case phrase after them is still a name ('called glow drops')."""
_NAME_STOP = frozenset(
    {
        "for",
        "and",
        "that",
        "which",
        "who",
        "with",
        "to",
        "but",
        "because",
        "aimed",
        "targeting",
        "it",
        "is",
        "-",
        "—",
        "by",
        "from",
        "in",
        "at",
    }
)
_SELF_INTRO = re.compile(r"\b(?:my|i'm|i am|me)\s*$", re.IGNORECASE)
_ANSWER_LEAD_IN = re.compile(
    r"^(?:(?:it's|it is|we sell|we make|we're launching|we are launching|the product is|"
    r"the name is|a|an|the|my|our|this|new|brand new|brand-new)\s+)+",
    re.IGNORECASE,
)
_GENERIC_PRODUCT = frozenset(
    {"product", "products", "thing", "things", "brand", "business", "company", "stuff", "item",
     "items", "service", "services", "launch", "idea", "something", "app", "shop", "store", "new",
     "latest", "little", "small", "own"}
)  # fmt: skip
"""Words that say there is a product without saying what it is ('my new product')."""
_DESCRIBED_ANSWER = re.compile(
    r"^(?:(?:it's|it is|we sell|we make)\s+)?(?:a|an|our|my|some)\s", re.IGNORECASE
)
_STOP_CAPS_WORDS = (
    "i i'm i'd i've it it's we we're our my the this that hi hey hello a an and but so also "
    "actually yes no ok okay thanks please its they their for with let's let think make oh "
    "well basically just sure great love monday tuesday wednesday thursday friday saturday "
    "sunday english american british instagram tiktok youtube facebook linkedin gen z saas "
    "b2b b2c dtc ai ceo us uk eu usa vitamin c d e christmas ad video"
)
_STOP_CAPS = frozenset(_STOP_CAPS_WORDS.split())
"""Capitalised words that are not product names (sentence starters, platforms, acronyms)."""

_AUDIENCE_STATED = re.compile(
    r"\b(?:(?:the\s+|our\s+|my\s+)?(?:target\s+)?(?:audience|market|demographic|customers?|"
    r"buyers|users)|target)(?:'s|\s+is|\s+are|\s+would be|\s+should be|\s+will be|\s+be|\s*:|"
    r"\s*=)"
    r"\s+(?:mostly\s+|mainly\s+)?(?P<a>" + _CLAUSE + ")",
    re.IGNORECASE,
)
_AUDIENCE_FOR = re.compile(
    r"(?P<lead>\b(?:aimed at|aimed towards|targeted at|targeting|geared towards?|geared at|"
    r"made for|designed for|built for|perfect for|meant for|speaks? to|speaking to|target|"
    r"it's for|it is for|for))\s+(?P<a>" + _CLAUSE + ")",
    re.IGNORECASE,
)
_STRONG_AUDIENCE_LEADS = frozenset(
    {"aimed at", "aimed towards", "targeted at", "targeting", "geared towards", "geared toward",
     "geared at", "speaks to", "speak to", "speaking to", "target"}
)  # fmt: skip
_AUDIENCE_END = re.compile(
    r"\s+(?:and\s+(?:i|we|it|the|they|make|keep|want|should)|but|so|because|with a|in a|"
    r"i want|we want|instead|then|please|now)\b.*$",
    re.IGNORECASE,
)
_AFTER_AD_WORD = re.compile(r"\b(?:ad|advert|video|commercial|spot|reel|promo)\s*$", re.IGNORECASE)
_AUDIENCE_LEAD_IN = re.compile(
    r"^(?:(?:it's|it is|they're|they are|mostly|mainly|probably|i'd say|i think|honestly|"
    r"definitely|aimed at|targeting|for|our audience is|the audience is|audience is|"
    r"people like|basically)\b[\s,:]*)+",
    re.IGNORECASE,
)

_CORRECTION = re.compile(
    r"\b(?:actually|instead|rather|change|changed|switch|swap|scratch that|on second thought|"
    r"correction|let's go with|lets go with|go with|make it|make that|update|replace|not\s+\w+"
    r"(?:\s+\w+)?\s*,?\s*but)\b|^\s*(?:no|nope|wait)\b",
    re.IGNORECASE,
)
_ADDITIVE = re.compile(r"\b(?:also|add|plus|as well|too|another|more|and some)\b", re.IGNORECASE)
_DELEGATE = re.compile(
    r"^\s*(?:i'?m\s+|honestly,?\s+|hmm+,?\s+|um+,?\s+|well,?\s+)?(?:not sure|unsure|no idea|"
    r"don'?t know|dunno|idk|no clue|you (?:decide|choose|pick|tell me|suggest)|up to you|"
    r"dealer'?s choice|surprise me|whatever you (?:think|like|want|suggest)|your call|"
    r"no preference|anything(?: works| goes)?|any|you'?re the (?:expert|director|pro)|"
    r"what do you (?:think|suggest|recommend)|what would you (?:suggest|recommend)|"
    r"can you (?:suggest|pick|choose|decide))\b",
    re.IGNORECASE,
)
_CHIT_CHAT = re.compile(
    r"^\s*(?:hi|hello|hey|hiya|yo|thanks|thank you|cheers|ok|okay|cool|great|nice|sure|yes|yep|"
    r"yeah|sounds good|perfect|awesome|love it|lovely|good morning|good afternoon|good evening|"
    r"let's go|let's do it|ready)(?:\s+(?:there|so much|you|again|a lot|it))?[\s!.,:)]*$",
    re.IGNORECASE,
)
_NO_NAME = re.compile(
    r"^\s*(?:no|nope|not yet|none|no name|nothing yet|it doesn't|there isn't|n/?a|"
    r"not really|we haven't|haven't decided)\b",
    re.IGNORECASE,
)
_GREETING = re.compile(r"^\s*(?:hi|hello|hey|hiya|yo|good (?:morning|afternoon|evening))\b",
                       re.IGNORECASE)  # fmt: skip
_PHRASE_FILLER = re.compile(
    r"\b(?:i want it to|i'd like it to|it should|should|i want|i'd like|we want|i think|think|"
    r"i guess|maybe|something|somewhat|kind of|kinda|sort of|like|very|really|quite|super|"
    r"more|a bit|a little|feel|feels|feeling|look|looks|looking|vibe|vibes|tone|style|"
    r"colou?rs?|palette|visuals?|aesthetic|it|we|to|be|go for|going for|a|an|the|of|with|"
    r"lots|plenty|just|please|thanks|overall)\b",
    re.IGNORECASE,
)


# ---------------------------------------------------------------------------------------------
# State


@dataclass
class Draft:
    """The brief as it takes shape; `product_confidence` lets a real name beat a description."""

    product_name: str = ""
    product_confidence: int = 0
    target_audience: str = ""
    emotional_tone: list[str] = field(default_factory=list)
    visual_style_keywords: list[str] = field(default_factory=list)
    key_messages: list[str] = field(default_factory=list)

    def value(self, name: str) -> str | tuple[str, ...]:
        current = getattr(self, name)
        return tuple(current) if isinstance(current, list) else current

    def brief(self) -> BriefFields:
        return BriefFields(
            product_name=self.product_name,
            target_audience=self.target_audience,
            emotional_tone=self.emotional_tone[:MAX_TONES],
            visual_style_keywords=self.visual_style_keywords[:MAX_STYLES],
            key_messages=self.key_messages[:MAX_MESSAGES],
        )


@dataclass
class Findings:
    """What one user turn said, before it is merged into the draft."""

    product: str = ""
    product_confidence: int = 0
    audience: str = ""
    tones: list[str] = field(default_factory=list)
    styles: list[str] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class TurnReading:
    """What one user turn changed, for the director's acknowledgement."""

    asked: str | None
    """The field the director asked for just before this turn, if any."""
    changed: tuple[str, ...]
    """Fields whose value this turn changed, in brief order."""
    corrected: tuple[str, ...]
    """Changed fields that already held a value: the marketer corrected them."""
    suggested: tuple[str, ...]
    """Fields the director filled with its own suggestion because the marketer delegated."""
    delegated: bool
    """The marketer said "not sure" / "you decide"."""
    chit_chat: bool
    """A greeting or thanks with nothing to extract."""
    greeting: bool
    question: bool
    """The marketer asked the director something instead of answering."""


@dataclass(frozen=True)
class Reading:
    brief: BriefFields
    turns: tuple[TurnReading, ...]
    suggested: frozenset[str]
    """Fields whose current value is the director's suggestion rather than the marketer's words."""
    pending_question: str | None
    """The field the latest assistant turn asked for, if the conversation ends on a question."""
    product_is_description: bool
    """The product is known only by what it is ('a vitamin C serum'), not by a name."""


Suggest = Callable[[str, Draft, str], list[str] | str]
"""(field, draft so far, all user text) → a value for a field the marketer delegated."""


# ---------------------------------------------------------------------------------------------
# Reading one turn


class _Text:
    """A user turn with the spans earlier passes have claimed blanked out."""

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.chars = list(raw)

    @property
    def open(self) -> str:
        return "".join(self.chars)

    def claim(self, start: int, end: int) -> None:
        for i in range(start, end):
            self.chars[i] = _BLANK

    def untouched(self) -> bool:
        return _BLANK not in self.chars


def _caps_run(words: list[str]) -> str:
    """The leading run of capitalised words (with '&', 'of' and digits inside), e.g. 'Ember &
    Oak Coffee' from ['Ember', '&', 'Oak', 'Coffee', 'for', ...]."""
    run: list[str] = []
    for index, word in enumerate(words):
        bare = word.strip(',.;:!?"“”‘’()')
        if not bare:
            break
        capital = bare[0].isupper() or bare[0].isdigit()
        connector = bare.lower() in {"&", "and", "of", "+", "de", "la", "le", "du"}
        following = words[index + 1] if index + 1 < len(words) else ""
        if capital or (run and connector and following[:1].isupper()):
            run.append(bare)
            if bare != word:  # punctuation ended the name
                break
        else:
            break
    return " ".join(run)


def _is_plain_word(word: str) -> bool:
    return word.lower().strip("'’") in _STOP_CAPS or (len(word) == 1 and word.isalpha())


def _name_from(phrase: str, plain_words_allowed: bool) -> str:
    """A product name from the words after a cue: quoted, a capitalised run, or (for the
    strongest cues only) a few plain words, e.g. 'called glow drops' → 'Glow Drops'."""
    phrase = phrase.strip()
    quoted = _QUOTED.match(phrase)
    if quoted:
        return tidy(quoted.group(1))
    words = phrase.split()
    if not words:
        return ""
    run = _caps_run(words)
    if run and not all(_is_plain_word(w) for w in run.split()):
        return clip_words(run, 6, 60)
    if not plain_words_allowed:
        return ""
    kept: list[str] = []
    for word in words[:5]:
        bare = word.strip(',.;:!?"“”()')
        if not bare or bare.lower() in _NAME_STOP:
            break
        kept.append(bare)
        if bare != word:
            break
    return title_if_lower(" ".join(kept))


def _name_inside(phrase: str) -> str:
    """A proper name inside a noun phrase: 'my energy drink Volt Rush' → 'Volt Rush'."""
    words = phrase.split()
    for index, word in enumerate(words):
        bare = word.strip(',.;:!?"“”()')
        if bare[:1].isupper() and not _is_plain_word(bare):
            return _name_from(" ".join(words[index:]), plain_words_allowed=False)
    return ""


def _says_what_it_is(description: str) -> bool:
    """'vitamin C serum' describes a product; 'product', 'new thing' or 'busy mums' do not."""
    words = description.lower().split()
    if not words or len(words) > 6 or mentions_people(description):
        return False
    return not all(word.strip(",.!?") in _GENERIC_PRODUCT for word in words)


def _read_product(text: _Text, asked: str | None, findings: Findings) -> None:
    work = text.open
    # 1. Named outright: "called Glow Drops", "the name is 'Volt Rush'", "call it Dawn".
    for match in _NAME_CUE.finditer(work):
        if _SELF_INTRO.search(work[: match.start()]):
            continue  # "my name is Sarah" introduces the marketer, not the product
        strong = match.group(0).split()[0].lower() in _STRONG_NAME_CUES
        tail = work[match.end() :]
        name = _name_from(tail, plain_words_allowed=strong)
        if name:
            findings.product, findings.product_confidence = name, 2
            last = name.split()[-1]
            text.claim(match.start(), min(match.end() + tail.find(last) + len(last), len(work)))
            return
    # 2. "Volt Rush is an energy drink …"
    for sentence in sentences(work):
        first = _NAME_FIRST.match(sentence)
        if first and not all(_is_plain_word(w) for w in first.group("name").split()):
            findings.product, findings.product_confidence = tidy(first.group("name")), 2
            start = work.find(sentence)
            text.claim(start, start + first.end("name"))
            return
    # 3. A quoted name where the turn talks about products or names.
    context = re.search(r"\b(name|called|product|brand|ad for)\b", work, re.IGNORECASE)
    if context or asked == "product_name":
        for match in _QUOTED.finditer(work):
            if 1 <= len(match.group(1).split()) <= 6:
                findings.product, findings.product_confidence = tidy(match.group(1)), 2
                text.claim(match.start(), match.end())
                return
    # 4. "an ad for my energy drink Volt Rush" / "we're launching a vitamin C serum".
    for match in _PRODUCT_INTRO.finditer(work):
        group = "np" if match.group("np") else "np2"
        if group == "np2" and asked not in (None, "product_name"):
            continue  # "it's a younger crowd" answers another question
        np = _NP_STOP.sub("", match.group(group))
        span = (match.start(group), match.start(group) + len(np))
        name = _name_inside(np)
        if name:
            findings.product, findings.product_confidence = name, 2
            text.claim(*span)
            return
        description = tidy(_DETERMINERS.sub("", tidy(np)))
        if _says_what_it_is(description):
            findings.product = capitalise(description)  # a description, not a name: no title case
            findings.product_confidence = 1
            text.claim(*span)
            return
    # 5. The answer to "what's the product called?" is the product.
    if asked == "product_name":
        name = _name_inside(work)  # "It's my little coffee shop, Ember & Oak"
        if name:
            findings.product, findings.product_confidence = name, 2
            start = work.find(name)
            if start >= 0:
                text.claim(start, start + len(name))
            return
        first_clause = tidy(re.split(r"[,.;!?\n(|]|\s[-—–]\s", work.strip(), maxsplit=1)[0])
        # "a vitamin C serum" says what it is; "glow drops" is what it's called.
        described = bool(_DESCRIBED_ANSWER.match(first_clause))
        name = clip_words(tidy(_ANSWER_LEAD_IN.sub("", first_clause)), 6, 60)
        if name:
            findings.product = capitalise(name if described else title_if_lower(name))
            findings.product_confidence = 1 if described else 2
            start = work.find(first_clause)
            if start >= 0:
                text.claim(start, start + len(first_clause))


def _clean_audience(phrase: str) -> str:
    phrase = _AUDIENCE_END.sub("", tidy(phrase))
    phrase = _AUDIENCE_LEAD_IN.sub("", phrase)
    return capitalise(clip_words(tidy(phrase), 16, 120))


def _read_audience(text: _Text, asked: str | None, findings: Findings) -> None:
    work = text.open
    for stated in _AUDIENCE_STATED.finditer(work):
        explicit = re.search(r"audience|target|demographic", stated.group(0), re.IGNORECASE)
        if explicit or mentions_people(stated.group("a")):  # not "the market is crowded"
            findings.audience = _clean_audience(stated.group("a"))
            text.claim(stated.start(), stated.end())
            return
    for match in _AUDIENCE_FOR.finditer(work):
        lead = match.group("lead").lower()
        phrase = _AUDIENCE_END.sub("", match.group("a"))
        if _AFTER_AD_WORD.search(work[: match.start()]):
            continue  # "an ad for my serum" names the product, not the audience
        if lead in _STRONG_AUDIENCE_LEADS or mentions_people(phrase):
            findings.audience = _clean_audience(phrase)
            text.claim(match.start(), match.start("a") + len(phrase))
            return
    # "Women 25-40, …": an age range beside people is an audience even without "for".
    for clause in re.split(r"[,.;!?\n|]", work):
        if AGE_RANGE.search(clause) and names_people(clause):
            findings.audience = _clean_audience(clause)
            start = work.find(clause)
            text.claim(start, start + len(clause))
            return
    if asked == "target_audience":
        # The answer is the first thing said that an earlier pass has not claimed.
        pieces = [p for p in re.split(r"(?<=[.!?])\s+|\n+|\|+", work) if tidy(p)]
        if pieces:
            findings.audience = _clean_audience(pieces[0])
            start = work.find(pieces[0])
            text.claim(start, start + len(pieces[0]))


def _read_key_messages(text: _Text, asked: str | None, findings: Findings) -> None:
    work = text.open
    for match in _MESSAGE_CUES.finditer(work):
        group = next(g for g in ("m", "m2", "m3") if match.group(g))
        found = _without_look_words(split_messages(match.group(group)))
        if found:
            findings.messages.extend(found)
            text.claim(match.start(), match.end())
    if not findings.messages and asked == "key_messages":
        found = _without_look_words(split_messages(work.replace(_BLANK, " ")))
        if found:
            findings.messages.extend(found)
            text.claim(0, len(work))


def _without_look_words(items: list[str]) -> list[str]:
    """Drop 'messages' that are only tone/style words ('bright citrus colours') — those belong to
    the look, and are read as such by the vocabulary pass."""
    kept = []
    for item in items:
        rest = item
        for match in sorted(lexicon.find_terms(item), key=lambda m: m.start, reverse=True):
            rest = rest[: match.start] + rest[match.end :]
        rest = _PHRASE_FILLER.sub(" ", rest)
        if re.search(r"\w", rest):
            kept.append(item)
    return kept


def _cue_at(clause: str, position: int) -> str | None:
    """'tone' or 'style' from the nearest cue word in the clause, if there is one."""
    best: tuple[int, str] | None = None
    for kind, pattern in (("tone", lexicon.TONE_CUE), ("style", lexicon.STYLE_CUE)):
        for match in pattern.finditer(clause):
            gap = abs(match.start() - position)
            if best is None or gap < best[0]:
                best = (gap, kind)
    return best[1] if best else None


def _read_look(text: _Text, asked: str | None, findings: Findings) -> None:
    """Tone and style words, placed by the cue words of their sentence."""
    asked_kind = {"emotional_tone": "tone", "visual_style_keywords": "style"}.get(asked or "")
    for sentence in re.split(r"(?<=[.!?])\s+|\n+|\|+", text.open):
        carried: str | None = None
        for clause in re.split(r"[,;:]|\s+but\s+|\s+with\s+", sentence):
            own = _cue_at(clause, 0) is not None
            for match in lexicon.find_terms(clause):
                cue = _cue_at(clause, match.start) if own else carried
                context = cue or asked_kind
                if match.ambiguous:
                    assert match.tone is not None and match.style is not None
                    lean = lexicon.AMBIGUOUS_PRIMARY.get(match.surface.lower()) or "tone"
                    kind = context or lean
                    if kind == "tone":
                        findings.tones.append(match.tone)
                    else:
                        findings.styles.append(match.style)
                elif match.tone:
                    if not match.weak_tone or context == "tone":
                        findings.tones.append(match.tone)
                elif match.style:
                    findings.styles.append(match.style)
            if own:
                carried = _cue_at(clause, len(clause))
    findings.tones = unique(findings.tones)
    findings.styles = unique(findings.styles)


def _raw_phrases(text: str) -> list[str]:
    """An answer in words the vocabulary does not know ('like a warm hug'), as short keywords."""
    phrases = []
    for part in re.split(r"[,;/\n|.!?]|\s+and\s+|\s+but\s+", text):
        words = _PHRASE_FILLER.sub(" ", part).split()
        if words and not lexicon.NEGATION.search(" ".join(words[:1])):
            phrases.append(" ".join(words[:3]).lower().strip("'\"“”"))
    return [p for p in unique(phrases) if p and len(p) <= 40][:4]


def read_turn(text: str, asked: str | None) -> Findings:
    """Everything one user turn says about the brief (pure; merging happens in the caller)."""
    findings = Findings()
    turn = _Text(text)
    _read_key_messages(turn, asked, findings)
    _read_product(turn, asked, findings)
    _read_audience(turn, asked, findings)
    _read_look(turn, asked, findings)
    if asked == "emotional_tone" and not findings.tones:
        findings.tones = _raw_phrases(turn.open)
    if asked == "visual_style_keywords" and not findings.styles:
        findings.styles = _raw_phrases(turn.open)
    return findings


# ---------------------------------------------------------------------------------------------
# Reading the whole conversation


def _merge_list(old: list[str], new: list[str], replace: bool, limit: int) -> list[str]:
    if not new:
        return old
    merged = new if replace else [*old, *new]
    return unique(merged)[:limit]


def _apply(draft: Draft, found: Findings, text: str) -> None:
    if found.product and found.product_confidence >= draft.product_confidence:
        draft.product_name = found.product
        draft.product_confidence = found.product_confidence
    if found.audience:
        draft.target_audience = found.audience
    replace = bool(_CORRECTION.search(text)) and not _ADDITIVE.search(text)
    draft.emotional_tone = _merge_list(draft.emotional_tone, found.tones, replace, MAX_TONES)
    draft.visual_style_keywords = _merge_list(
        draft.visual_style_keywords, found.styles, replace, MAX_STYLES
    )
    draft.key_messages = _merge_list(draft.key_messages, found.messages, replace, MAX_MESSAGES)


def _no_suggestions(field_name: str, draft: Draft, user_text: str) -> list[str] | str:
    return ""


def read_conversation(
    messages: Sequence[ChatMessage], suggest: Suggest = _no_suggestions
) -> Reading:
    """Replay the conversation turn by turn, remembering what each user turn changed."""
    draft = Draft()
    turns: list[TurnReading] = []
    suggested: set[str] = set()
    asked: str | None = None
    user_text: list[str] = []
    for message in messages:
        if message.role == "assistant":
            asked = asked_field(message.content)
            continue
        if message.role != "user":
            continue
        text = message.content.strip()
        user_text.append(text)
        before = {name: draft.value(name) for name in _FIELDS}
        chit_chat = bool(_CHIT_CHAT.match(text))
        delegating = bool(_DELEGATE.match(text)) and len(text.split()) <= 12
        question = text.rstrip(" )!").endswith("?") and not delegating
        if chit_chat:
            found = Findings()
        elif asked == "product_name" and draft.product_name and _NO_NAME.match(text):
            found = read_turn(text, None)  # "no name yet": keep the description we have
        elif delegating or question:
            # "Not sure — maybe calm" still answers, and "what do you need from me?" is no
            # product name: read these only for explicit cues, never as the whole answer.
            found = read_turn(text, None)
        else:
            found = read_turn(text, asked)
        _apply(draft, found, text)
        delegated = bool(delegating and asked and draft.value(asked) == before[asked])
        newly_suggested: list[str] = []
        if delegated and asked and asked != "product_name" and not before[asked]:
            value = suggest(asked, draft, "\n".join(user_text))
            if value:
                setattr(draft, asked, list(value) if isinstance(value, list) else value)
                newly_suggested.append(asked)
        changed = tuple(name for name in _FIELDS if draft.value(name) != before[name])
        suggested.difference_update(changed)
        suggested.update(newly_suggested)
        turns.append(
            TurnReading(
                asked=asked,
                changed=changed,
                corrected=tuple(name for name in changed if before[name]),
                suggested=tuple(newly_suggested),
                delegated=delegated,
                chit_chat=chit_chat and not changed,
                greeting=bool(_GREETING.match(text)),
                question=question and not changed,
            )
        )
        asked = None  # a question is answered once; the next user turn starts fresh
    return Reading(
        brief=draft.brief(),
        turns=tuple(turns),
        suggested=frozenset(suggested),
        pending_question=asked,
        product_is_description=draft.product_confidence == 1,
    )


_FIELDS = (
    "product_name",
    "target_audience",
    "emotional_tone",
    "visual_style_keywords",
    "key_messages",
)


def extract_brief(
    messages: Sequence[ChatMessage], suggest: Suggest = _no_suggestions
) -> BriefFields:
    """The brief the conversation has settled so far; unknown fields stay empty."""
    return read_conversation(messages, suggest).brief
