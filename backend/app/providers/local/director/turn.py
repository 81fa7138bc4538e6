"""Reading one user turn into brief fields.

The marketer writes free text, in any order, sometimes everything at once and sometimes one word
at a time. A turn is read in passes, each claiming the words it used (see `findings`):

1. labelled lines ("Audience: couples from London") and explicit cues ("the main point is …",
   "called X", "for busy women") come first;
2. tone and style vocabulary is mined from what is left, sentence by sentence, using nearby cue
   words ("feel", "colours") to place ambiguous words like "warm" or "bold";
3. if the director had just asked for a field and nothing explicit filled it, what is left of the
   answer is taken as that field ("Busy women 25-40." after "Who is it for?"), unless it plainly
   belongs elsewhere: "Warm, cozy" after "Who is it for?" is a tone, not an audience;
4. in a message that gives a whole brief at once, what is left after a semicolon is a key message.
"""

from __future__ import annotations

import re

from app.providers.local.director import lexicon
from app.providers.local.director.audience import AGE_RANGE, mentions_people, names_people
from app.providers.local.director.findings import BLANK, Findings, TurnText, content_words
from app.providers.local.director.messages import split_messages
from app.providers.local.director.names import describe, only_look_words
from app.providers.local.director.product import read_product
from app.providers.local.director.text import capitalise, clip_words, tidy, unique

# ---------------------------------------------------------------------------------------------
# Patterns. Captures run to the end of a clause; `_END` is where a clause stops.

_CLAUSE = r"[^,.;!?\n|()]+"
_SENTENCE = r"[^\n|]+?(?=[.!?](?:\s|$)|\n|\||$)"

_MESSAGE_CUES = re.compile(
    r"(?:\b(?:the\s+|our\s+|my\s+)?(?:key|main|core|big|biggest|primary|central|top|one|most"
    r" important)\s+(?:message|point|benefit|selling point|takeaway|thing|idea)s?"
    r"(?:\s+(?:to\s+(?:get across|land|remember|know)|people should (?:know|remember)))?"
    r"|\b(?:messages?|takeaways?|tagline|slogan|headline|usp|selling points?|benefits?)"
    r"(?=\s*(?:is|are|:)))"
    r"\s*(?:is|are|would be|should be|will be|:|=|-)\s*(?:that\s+)?(?P<m>" + _SENTENCE + ")"
    r"|\bwant\s+(?:people|them|viewers|customers|everyone|folks|the audience|you|users|buyers)\s+"
    r"to\s+(?:know|remember|understand|take away|get|learn)(?:\s+that)?\s+(?P<m2>" + _SENTENCE + ")"
    r"|\b(?:mention|highlight|emphasi[sz]e|call out)\s+(?:that\s+)?"
    r"(?P<m3>" + _SENTENCE + ")",
    re.IGNORECASE,
)

_LABELS: dict[str, str] = {
    "product": r"product(?:\s+name)?|name|brand",
    "audience": r"(?:target\s+)?audience|target|who(?:\s+it'?s\s+for)?|customers?",
    "tone": r"(?:emotional\s+)?tone|feel(?:ing)?|mood|vibe|emotions?",
    "style": r"(?:visual\s+)?style|look(?:\s+and\s+feel)?|visuals?|aesthetic|colou?rs?|palette",
    "messages": r"(?:key\s+)?messages?|takeaways?|(?:key|main)\s+points?|benefits?|usps?|"
    r"tagline|slogan",
}
_ANY_LABEL = "|".join(f"(?:{pattern})" for pattern in _LABELS.values())
_LABELLED = re.compile(
    r"(?:^|(?<=[\n.;!?]))[ \t]*(?P<label>" + _ANY_LABEL + r")[ \t]*:[ \t]*"
    r"(?P<value>[^\n]*?)(?=[.;]?[ \t]*(?:" + _ANY_LABEL + r")[ \t]*:|\n|$)",
    re.IGNORECASE,
)
"""A brief typed as a form: 'Audience: couples from London. Tone: warm, cozy'."""

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
    r"it's for|it is for|go back to|back to|switch to|for))\s+(?P<a>" + _CLAUSE + ")",
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
    r"people like|basically|no|nope|wait|actually|sorry|go back to|back to|switch to|"
    r"change it to|make it)\b[\s,:]*)+",
    re.IGNORECASE,
)
CORRECTION = re.compile(
    r"\b(?:actually|instead|rather|change|changed|switch|swap|scratch that|on second thought|"
    r"correction|let's go with|lets go with|go with|go back|make it|make that|update|replace|"
    r"not\s+\w+(?:\s+\w+)?\s*,?\s*but)\b|^\s*(?:no|nope|wait)\b",
    re.IGNORECASE,
)
_PARTS = re.compile(r"(?<=[.!?])\s+|\n+|\|+")


# ---------------------------------------------------------------------------------------------
# Labelled lines


def _look_words(value: str, kind: str) -> list[str]:
    words = [(match.tone if kind == "tone" else match.style) for match in lexicon.find_terms(value)]
    return unique([w for w in words if w]) or raw_phrases(value)


def _read_labels(text: TurnText, findings: Findings) -> None:
    for match in _LABELLED.finditer(text.open):
        label, value = match.group("label").lower(), tidy(match.group("value"))
        if not value:
            continue
        kind = next(k for k, pattern in _LABELS.items() if re.fullmatch(pattern, label, re.I))
        if kind == "product":
            description = describe(value) if value.islower() and "name" not in label else ""
            if description:  # "Product: handmade ceramic mugs" says what, not what it's called
                findings.product, findings.product_confidence = description, 1
                findings.description = description
            else:
                read_product(TurnText(value), "product_name", False, findings)
        elif kind == "audience":
            findings.audience = _clean_audience(value)
        elif kind == "messages":
            findings.messages.extend(split_messages(value))
        else:
            words = _look_words(value, kind)
            (findings.tones if kind == "tone" else findings.styles).extend(words)
        text.claim(match.start(), match.end())


# ---------------------------------------------------------------------------------------------
# Key messages


def _without_look_words(items: list[str]) -> list[str]:
    """Drop 'messages' that are only tone/style words ('bright citrus colours') — those belong to
    the look, and are read as such by the vocabulary pass."""
    kept = []
    for item in items:
        rest = item
        for match in sorted(lexicon.find_terms(item), key=lambda m: m.start, reverse=True):
            rest = rest[: match.start] + rest[match.end :]
        if content_words(rest):
            kept.append(item)
    return kept


def _read_key_messages(text: TurnText, asked: str | None, findings: Findings) -> None:
    work = text.open
    for match in _MESSAGE_CUES.finditer(work):
        group = next(g for g in ("m", "m2", "m3") if match.group(g))
        found = _without_look_words(split_messages(match.group(group)))
        if found:
            findings.messages.extend(found)
            text.claim(match.start(), match.end())
    if not findings.messages and asked == "key_messages":
        found = _without_look_words(split_messages(work.replace(BLANK, " ")))
        if found:
            findings.messages.extend(found)
            text.claim(0, len(work))


def _read_listed_messages(text: TurnText, findings: Findings) -> None:
    """'…; it should feel warm; each mug is one of a kind; made in Cornwall': in a message that
    gave several fields at once, the semicolon-separated items nothing else claimed are the key
    messages."""
    work = text.open
    if findings.messages or findings.fields_found() < 2 or not re.search(r";|\n", work):
        return
    for piece in re.split(r";|\n", work):
        item = tidy(piece.replace(BLANK, " "))
        claimed = piece.count(BLANK) > len(piece.strip()) / 2
        if claimed or len(content_words(item)) < 2 or names_people(item):
            continue  # mostly something already read, or an audience
        findings.messages.extend(_without_look_words(split_messages(item)))


# ---------------------------------------------------------------------------------------------
# Audience


def _clean_audience(phrase: str) -> str:
    phrase = _AUDIENCE_END.sub("", tidy(phrase))
    phrase = _AUDIENCE_LEAD_IN.sub("", phrase)
    return capitalise(clip_words(tidy(phrase), 16, 120))


def _read_audience(text: TurnText, findings: Findings) -> None:
    """An audience said outright: 'for busy women', 'the audience is …', 'women 25-40', or a
    correction naming people ('no wait, go back to couples from London')."""
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
    correction = bool(CORRECTION.search(work))
    # "Women 25-40, …": an age range beside people is an audience even without "for".
    for clause in re.split(r"[,.;!?\n|]", work):
        if names_people(clause) and (AGE_RANGE.search(clause) or correction):
            findings.audience = _clean_audience(clause)
            text.claim_text(clause)
            return


def _answer_about_the_audience(text: TurnText, findings: Findings) -> None:
    """The answer to "who is it for?" is the first thing said that no pass has claimed, if it has
    words of its own ('The name is Kiln & Co' leaves only 'The') and is not all look words."""
    first = next((p for p in _PARTS.split(text.open) if content_words(p)), None)
    if first is not None and not only_look_words(first):
        findings.audience = _clean_audience(first)
        text.claim_text(first)


_OTHER_QUESTIONS = frozenset({"product_name", "emotional_tone", "visual_style_keywords"})


def _people_instead(text: TurnText, findings: Findings) -> None:
    """'Couples from London who want a quiet weekend away' answers who, whatever was asked."""
    first = next((p for p in re.split(r"[.;!?\n|]", text.open) if content_words(p)), "")
    if names_people(first):
        findings.audience = _clean_audience(first)
        text.claim_text(first)


# ---------------------------------------------------------------------------------------------
# Tone and style


def _cue_at(clause: str, position: int) -> str | None:
    """'tone' or 'style' from the nearest cue word in the clause, if there is one."""
    best: tuple[int, str] | None = None
    for kind, pattern in (("tone", lexicon.TONE_CUE), ("style", lexicon.STYLE_CUE)):
        for match in pattern.finditer(clause):
            gap = abs(match.start() - position)
            if best is None or gap < best[0]:
                best = (gap, kind)
    return best[1] if best else None


def _read_look(text: TurnText, asked: str | None, findings: Findings) -> None:
    """Tone and style words, placed by the cue words of their sentence."""
    asked_kind = {"emotional_tone": "tone", "visual_style_keywords": "style"}.get(asked or "")
    work = text.open
    offset = 0
    for sentence in re.split(r"((?<=[.!?])\s+|\n+|\|+)", work):
        start_of_sentence, offset = offset, offset + len(sentence)
        carried: str | None = None
        clause_start = start_of_sentence
        for clause in re.split(r"([,;:]|\s+but\s+|\s+with\s+)", sentence):
            at, clause_start = clause_start, clause_start + len(clause)
            if clause == ";":
                carried = None  # "it should feel warm; dishwasher safe": items of a list
            own = _cue_at(clause, 0) is not None
            for match in lexicon.find_terms(clause):
                cue = _cue_at(clause, match.start) if own else carried
                context = cue or asked_kind
                taken = True
                if match.ambiguous:
                    assert match.tone is not None and match.style is not None
                    lean = lexicon.AMBIGUOUS_PRIMARY.get(match.surface.lower()) or "tone"
                    kind = context or lean
                    if kind == "tone":
                        findings.tones.append(match.tone)
                    else:
                        findings.styles.append(match.style)
                elif match.tone:
                    taken = not match.weak_tone or context == "tone"
                    if taken:
                        findings.tones.append(match.tone)
                elif match.style:
                    findings.styles.append(match.style)
                if taken:
                    text.claim(at + match.start, at + match.end)
            if own:
                carried = _cue_at(clause, len(clause))
    findings.tones = unique(findings.tones)
    findings.styles = unique(findings.styles)


def raw_phrases(text: str) -> list[str]:
    """An answer in words the vocabulary does not know ('like a warm hug'), as short keywords."""
    phrases = []
    for part in re.split(r"[,;/\n|.!?]|\s+and\s+|\s+but\s+", text):
        words = content_words(part)
        if words and not lexicon.NEGATION.search(" ".join(words[:1])):
            phrases.append(" ".join(words[:3]).lower().strip("'\"“”"))
    return [p for p in unique(phrases) if p and len(p) <= 40][:4]


# ---------------------------------------------------------------------------------------------
# The whole turn


def read_turn(text: str, asked: str | None, product_known: bool = False) -> Findings:
    """Everything one user turn says about the brief (pure; merging happens in the caller).

    `asked` is the field the director's last question asked for; `product_known` says whether
    the conversation has already named the product (then only an explicit cue renames it)."""
    findings = Findings()
    turn = TurnText(text)
    _read_labels(turn, findings)
    _read_key_messages(turn, asked, findings)
    read_product(turn, asked, product_known, findings)
    _read_audience(turn, findings)
    if asked == "target_audience" and not findings.audience:
        _answer_about_the_audience(turn, findings)
    _read_look(turn, asked, findings)
    # An answer in words the vocabulary does not know is the whole answer, never a leftover.
    look_asked = asked in ("emotional_tone", "visual_style_keywords")
    if look_asked and not findings.anything() and not names_people(turn.open):
        phrases = raw_phrases(turn.open)
        (findings.tones if asked == "emotional_tone" else findings.styles).extend(phrases)
    if asked in _OTHER_QUESTIONS and not findings.anything():
        _people_instead(turn, findings)
    _read_listed_messages(turn, findings)
    return findings
