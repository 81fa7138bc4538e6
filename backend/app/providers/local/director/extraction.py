"""Reading the conversation into a creative brief.

The conversation is replayed turn by turn (`turn.read_turn` reads each user turn, knowing which
field the director had just asked for) and merged into a draft. Later turns win: a new name
replaces the old one, and "actually …" replaces a list instead of adding to it. A marketer who
says "you decide" gets the director's suggestion, recorded as such.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from app.models.chat import ChatMessage
from app.models.creative_brief import BRIEF_FIELDS, BriefFields
from app.providers.local.director.findings import Findings
from app.providers.local.director.messages import MAX_MESSAGES
from app.providers.local.director.questions import DESCRIPTION_QUESTION, PHOTOS, asked_field
from app.providers.local.director.text import unique
from app.providers.local.director.turn import CORRECTION, read_turn

MAX_TONES = 10
MAX_STYLES = 12

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
_NO_PHOTO = re.compile(
    r"^\s*(?:no|nope|nah|not yet|not now|not right now|skip(?: it| that| this)?|later|"
    r"none|i don'?t|we don'?t|i do not|we do not|don'?t have|haven'?t got|no photos?|"
    r"no,? thanks|no thank you|maybe later|pass|n/?a)\b",
    re.IGNORECASE,
)
_NO_PHOTO_ANY_TIME = re.compile(
    r"^\s*(?:no|not yet|none|i don'?t have|we don'?t have|don'?t have|haven'?t got)\b"
    r"[^.?!]{0,30}\b(?:photos?|pictures?|images?|logo|shots?)\b[^.?!]{0,20}[.!]?\s*$",
    re.IGNORECASE,
)
""""No photo yet", said whatever was asked: about the photos, never an answer to the question."""
_YES_PHOTO = re.compile(
    r"^\s*(?:yes|yeah|yep|sure|ok(?:ay)?|of course|definitely|i do|we do|i have|we have|"
    r"i'?ll (?:add|upload|drop)|uploading|adding|done|added|here it is)\b",
    re.IGNORECASE,
)
_DESCRIPTION_LEAD = re.compile(
    r"^\s*(?:it'?s|it is|they'?re|they are|we'?re|we are|this is|that'?s)?\s*(?:an?|the)?\s+",
    re.IGNORECASE,
)
_GREETING = re.compile(r"^\s*(?:hi|hello|hey|hiya|yo|good (?:morning|afternoon|evening))\b",
                       re.IGNORECASE)  # fmt: skip


# ---------------------------------------------------------------------------------------------
# State


@dataclass
class Draft:
    """The brief as it takes shape; `product_confidence` lets a real name beat a description."""

    product_name: str = ""
    product_confidence: int = 0
    product_description: str = ""
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
            product_description=self.product_description,
            target_audience=self.target_audience,
            emotional_tone=self.emotional_tone[:MAX_TONES],
            visual_style_keywords=self.visual_style_keywords[:MAX_STYLES],
            key_messages=self.key_messages[:MAX_MESSAGES],
        )


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
    no_photo: bool = False
    """Asked for a product photo, the marketer said they have none (yet)."""
    photo_coming: bool = False
    """Asked for a product photo, the marketer said yes (they will add it)."""


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
    if found.description:
        draft.product_description = found.description
    if found.audience:
        draft.target_audience = found.audience
    replace = bool(CORRECTION.search(text)) and not _ADDITIVE.search(text)
    draft.emotional_tone = _merge_list(draft.emotional_tone, found.tones, replace, MAX_TONES)
    draft.visual_style_keywords = _merge_list(
        draft.visual_style_keywords, found.styles, replace, MAX_STYLES
    )
    draft.key_messages = _merge_list(draft.key_messages, found.messages, replace, MAX_MESSAGES)


def _no_suggestions(field_name: str, draft: Draft, user_text: str) -> list[str] | str:
    return ""


def _show(draft: Draft, current: BriefFields, suggested: set[str]) -> None:
    """Take the brief the studio shows as the state of play: what the user typed by hand wins
    over what the director read, and is the user's own words, not a suggestion."""
    for name in _FIELDS:
        shown = getattr(current, name)
        if draft.value(name) == (tuple(shown) if isinstance(shown, list) else shown):
            continue
        setattr(draft, name, list(shown) if isinstance(shown, list) else shown)
        suggested.discard(name)
        if name == "product_name":
            draft.product_confidence = 2 if shown else 0


def _latest_user_turn(messages: Sequence[ChatMessage]) -> int | None:
    """The index of the user message the director is answering, if the chat ends on one."""
    for index in range(len(messages) - 1, -1, -1):
        if messages[index].role == "assistant":
            return None
        if messages[index].role == "user":
            return index
    return None


def read_conversation(
    messages: Sequence[ChatMessage],
    suggest: Suggest = _no_suggestions,
    current: BriefFields | None = None,
) -> Reading:
    """Replay the conversation turn by turn, remembering what each user turn changed.

    `current` is the brief the studio shows (hand edits included): the replay takes it as the
    state of play just before the latest user message, so only that message can change it."""
    draft = Draft()
    turns: list[TurnReading] = []
    suggested: set[str] = set()
    asked: str | None = None
    user_text: list[str] = []
    latest = _latest_user_turn(messages) if current is not None else None
    asked_what = False
    for index, message in enumerate(messages):
        if current is not None and index == latest:
            _show(draft, current, suggested)
        if message.role == "assistant":
            asked = asked_field(message.content)
            asked_what = DESCRIPTION_QUESTION in message.content
            continue
        if message.role != "user":
            continue
        text = message.content.strip()
        user_text.append(text)
        # The photo question fills no field: its answer is read like an unprompted turn.
        asked_photo, asked = asked == PHOTOS, (None if asked == PHOTOS else asked)
        no_photo = (asked_photo and bool(_NO_PHOTO.match(text))) or bool(
            _NO_PHOTO_ANY_TIME.match(text)
        )
        before = {name: draft.value(name) for name in _FIELDS}
        chit_chat = bool(_CHIT_CHAT.match(text))
        delegating = bool(_DELEGATE.match(text)) and len(text.split()) <= 12
        question = text.rstrip(" )!").endswith("?") and not delegating
        known = bool(draft.product_name)
        if chit_chat or (no_photo and len(text.split()) <= 6):
            found = Findings()
        elif asked_what and _NO_PHOTO.match(text) and len(text.split()) <= 4:
            found = Findings()  # "skip": asked once, never again; shots stay generic
        elif asked_what and not question and not delegating:
            # "What is it?" answered: the whole answer is the description, cues read besides.
            found = read_turn(text, None, product_known=True)
            found.description = found.description or _as_description(text)
        elif asked == "product_name" and known and _NO_NAME.match(text):
            found = read_turn(text, None, known)  # "no name yet": keep the description we have
        elif delegating or question:
            # "Not sure — maybe calm" still answers, and "what do you need from me?" is no
            # product name: read these only for explicit cues, never as the whole answer.
            found = read_turn(text, None, product_known=True)
        else:
            found = read_turn(text, asked, known)
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
                asked=PHOTOS if asked_photo else asked,
                changed=changed,
                corrected=tuple(name for name in changed if before[name]),
                suggested=tuple(newly_suggested),
                delegated=delegated,
                chit_chat=chit_chat and not changed,
                greeting=bool(_GREETING.match(text)),
                question=question and not changed,
                no_photo=no_photo,
                photo_coming=asked_photo and not no_photo and bool(_YES_PHOTO.match(text)),
            )
        )
        asked, asked_what = None, False  # a question is answered once
    if current is not None and latest is None:
        _show(draft, current, suggested)  # no message to answer: the studio's brief stands
    return Reading(
        brief=draft.brief(),
        turns=tuple(turns),
        suggested=frozenset(suggested),
        pending_question=asked,
        product_is_description=draft.product_confidence == 1,
    )


def _as_description(text: str) -> str:
    """A bare answer to "what is it?" as a description: "A boutique hotel by the sea." →
    "Boutique hotel by the sea"."""
    first = re.split(r"(?<=[.!?])\s", text.strip(), maxsplit=1)[0].strip().rstrip(".!")
    bare = _DESCRIPTION_LEAD.sub("", first, count=1) or first
    return (bare[:1].upper() + bare[1:])[:200]


_FIELDS = ("product_name", "product_description", *BRIEF_FIELDS[1:])
"""What a turn can change: the brief's fields and the product's description."""


def extract_brief(
    messages: Sequence[ChatMessage],
    suggest: Suggest = _no_suggestions,
    current: BriefFields | None = None,
) -> BriefFields:
    """The brief the conversation has settled so far (from `current`, when the studio shows
    one); unknown fields stay empty."""
    return read_conversation(messages, suggest, current).brief
