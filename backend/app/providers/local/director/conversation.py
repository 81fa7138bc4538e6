"""The director's next turn: reflect back what was just learned, then ask for one missing thing.

The voice is a sharp, friendly creative director: short reflections that prove it listened, one
question at a time with an example to lower the effort of answering, and a clean summary once
the brief is complete. Phrasing varies by a stable hash of the conversation, so the same chat
always gets the same reply while different chats do not sound canned; a question asked again
always comes in a different wording.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.models.chat import ChatMessage
from app.models.creative_brief import BriefFields
from app.providers.local.director.extraction import Reading, TurnReading, read_conversation
from app.providers.local.director.questions import (
    DESCRIPTION_FOLLOW_UP,
    DESCRIPTION_QUESTION,
    FIELD_ORDER,
    PHOTO_QUESTIONS,
    PHOTOS,
    QUESTIONS,
    asked_field,
    question,
)
from app.providers.local.director.suggestions import suggest
from app.providers.local.director.text import (
    capitalise,
    is_plural_or_mass,
    join_words,
    pick,
    quote,
    with_article,
)
from app.utils.helpers import stable_seed

INTRO = (
    "I'm your creative director for this one. Together we'll shape a 30-second vertical ad, and "
    "I only need five things from you: the product, who it's for, how it should feel, how it "
    "should look, and what people must remember."
)
NAME_QUESTION = "Does it have a name?"
NAME_FOLLOW_UP = f"{NAME_QUESTION} If not, a working title is fine — until then I'll call it {{p}}."


_NUMBERS = {2: "Two", 3: "Three", 4: "Four", 5: "Five", 6: "Six", 7: "Seven", 8: "Eight"}


def _lower_first(text: str) -> str:
    # "Busy women 25-40" reads mid-sentence as "busy women 25-40"; keep acronyms like "CFOs".
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def _quoted_list(items: Sequence[str]) -> str:
    return join_words([quote(item) for item in items])


# --- Acknowledgements --------------------------------------------------------------------------


def _what_it_is(brief: BriefFields) -> str:
    """'handmade ceramic mugs' for mid-sentence use; empty when the name is the description."""
    description = brief.product_description
    if not description or description.casefold() == brief.product_name.casefold():
        return ""
    return _lower_first(description)


def _ack_new(name: str, brief: BriefFields, described: bool) -> str:
    p, aud = brief.product_name, brief.target_audience
    tones = join_words(brief.emotional_tone)
    styles = join_words(brief.visual_style_keywords)
    if name == "product_description":
        return f"Got it: {with_article(_lower_first(brief.product_description))}."
    if name == "product_name":
        what = _what_it_is(brief)
        if what:
            return pick(
                (
                    f"{p}, {what} — love it. I can already picture them on screen."
                    if is_plural_or_mass(what)
                    else f"{p}, {with_article(what)} — love it. I can already picture it on "
                    "screen.",
                    f"{p}: {with_article(what)}. Lovely, that's the star of our 30 seconds.",
                ),
                name,
                p,
            )
        if described:
            thing = with_article(_lower_first(p))
            return pick(
                (
                    f"{capitalise(thing)} — great, I can work with that.",
                    f"{capitalise(thing)}, lovely.",
                ),
                name,
                p,
            )
        return pick(
            (
                f"{p} — love it. I can already picture it on screen.",
                f"{p}, great: that's the star of our 30 seconds.",
                f"Lovely, we're making an ad for {p}.",
            ),
            name,
            p,
        )
    if name == "target_audience":
        return pick(
            (
                f"Speaking to {_lower_first(aud)} — a clear audience makes every frame easier "
                "to aim.",
                f"{aud}: now I can picture exactly who's watching.",
                f"Great, {_lower_first(aud)}. We'll cast and shoot with them in mind.",
            ),
            name,
            aud,
        )
    if name == "emotional_tone":
        return pick(
            (
                f"{capitalise(tones)} — that's the feeling every shot will build towards.",
                f"Love that mix: {tones}.",
                f"{capitalise(tones)}. I can already hear the music.",
            ),
            name,
            tones,
        )
    if name == "visual_style_keywords":
        return pick(
            (
                f"{capitalise(styles)} — I can already see the palette.",
                f"Ooh, {styles}. That gives the visuals a real point of view.",
                f"{capitalise(styles)}: noted, that will steer the moods I pitch you.",
            ),
            name,
            styles,
        )
    messages = brief.key_messages
    if len(messages) == 1:
        return pick(
            (
                f"{quote(messages[0])} — that's the line we'll land on.",
                f"{quote(messages[0])}: clear and memorable. It gets its own moment on screen.",
            ),
            name,
            messages[0],
        )
    count = _NUMBERS.get(len(messages), str(len(messages)))
    return f"{count} strong messages — {_quoted_list(messages)}. Each gets its own scene."


def _ack_corrected(name: str, brief: BriefFields) -> str:
    if name == "product_name":
        return f"Done — it's {brief.product_name} now."
    if name == "product_description":
        return f"Noted: it's {with_article(_lower_first(brief.product_description))}."
    if name == "target_audience":
        return f"Got it, we're now speaking to {_lower_first(brief.target_audience)}."
    if name == "emotional_tone":
        return f"Changed: the tone is now {join_words(brief.emotional_tone)}."
    if name == "visual_style_keywords":
        return f"Updated the look: {join_words(brief.visual_style_keywords)}."
    return f"Updated the key messages: {_quoted_list(brief.key_messages)}."


def _ack_suggested(name: str, brief: BriefFields) -> str:
    tones = join_words(brief.emotional_tone)
    if name == "target_audience":
        return (
            f"Leave it with me: let's speak to {_lower_first(brief.target_audience)}. "
            "You can change that any time."
        )
    if name == "emotional_tone":
        return f"My suggestion: {tones}, which suits {brief.product_name} nicely. Easy to change."
    if name == "visual_style_keywords":
        styles = join_words(brief.visual_style_keywords)
        return (
            f"I'd go {styles} — it fits {with_article(tones + ' tone')}. Say the word if you "
            "picture it otherwise."
        )
    return f"Here's a starting point: {_quoted_list(brief.key_messages)}. Tweak them any time."


def _ack_all_at_once(brief: BriefFields, changed: Sequence[str]) -> str:
    """One flowing sentence when a single message filled most of the brief."""
    parts: list[str] = []
    if "product_name" in changed:
        what = _what_it_is(brief)
        parts.append(f"{brief.product_name}, {what}," if what else brief.product_name)
    if "target_audience" in changed:
        audience = f"for {_lower_first(brief.target_audience)}"
        parts[-1:] = [f"{parts[-1]} {audience}"] if parts else [capitalise(audience)]
    if "emotional_tone" in changed:
        parts.append(f"feeling {join_words(brief.emotional_tone)}")
    if "visual_style_keywords" in changed:
        look = join_words(brief.visual_style_keywords)
        parts.append(f"with {with_article(look + ' look')}")
    if "key_messages" in changed:
        parts.append(f"built around {_quoted_list(brief.key_messages)}")
    opener = pick(
        ("Now that's a brief!", "You've done half my job already.", "I love where this is going."),
        "all-at-once",
        brief.product_name,
    )
    body = ", ".join(parts)
    return f"{opener} {body[:1].upper() + body[1:]}."


def _acknowledge(turn: TurnReading, reading: Reading, introduced: bool) -> str:
    brief = reading.brief
    if not turn.changed:
        if turn.greeting and not introduced:
            return f"Hi! Great to meet you. {INTRO}"
        if turn.greeting:
            return "Hi! Great to meet you."
        if turn.question:
            intro = "" if introduced else f" {INTRO}"
            return (
                f"Happy to explain.{intro} Once the brief is set, I'll pitch three visual moods "
                "and plan every scene of the ad — one question at a time."
            )
        if turn.chit_chat:
            return pick(("Great.", "Perfect.", "Lovely."), "chit-chat", len(reading.turns))
        if turn.no_photo:
            return pick(
                (
                    "No problem — I'll build every shot around what you've told me, and you can "
                    "add a photo in the Vision step any time.",
                    "That's fine — the ad will show the name and the world around it, and a "
                    "photo can still go in the Vision step later.",
                ),
                "no-photo",
                brief.product_name,
            )
        if turn.photo_coming:
            return "Great — add it in the Vision step whenever you're ready."
        if turn.asked == PHOTOS:
            return ""  # neither yes nor no, and nothing else said: just ask the next thing
        if turn.delegated and turn.asked == "product_name":
            return (
                "No problem — the product is the one thing I can't invent. A working name is "
                "perfectly fine."
            )
        if turn.asked:
            return "I want to get this exactly right, so let me put it another way."
        return ""
    new = [name for name in turn.changed if name not in turn.corrected]
    if len(set(new) - {"product_description"}) >= 3 and not turn.corrected and not turn.suggested:
        return _ack_all_at_once(brief, new)
    sentences = []
    for name in turn.changed:
        if name == "product_description" and "product_name" in turn.changed:
            continue  # the product's acknowledgement says what it is
        if name in turn.suggested:
            sentences.append(_ack_suggested(name, brief))
        elif name in turn.corrected and turn.asked != name:
            # An answer to the director's own question (the name of a described product) is
            # news, not a correction.
            sentences.append(_ack_corrected(name, brief))
        else:
            described = name == "product_name" and reading.product_is_description
            sentences.append(_ack_new(name, brief, described))
    return " ".join(sentences)


# --- What comes next ---------------------------------------------------------------------------


def _times_asked(messages: Sequence[ChatMessage], field: str) -> int:
    return sum(1 for m in messages if m.role == "assistant" and asked_field(m.content) == field)


def _wants_photo_question(
    messages: Sequence[ChatMessage], reading: Reading, current: BriefFields | None
) -> bool:
    """Once the product is known, ask once for its photo or logo; never when the studio already
    holds a photo, and never again after any answer ("no" included)."""
    if not reading.brief.product_name or (current is not None and current.product_images):
        return False
    return _times_asked(messages, PHOTOS) == 0


def _next_question(
    messages: Sequence[ChatMessage], reading: Reading, current: BriefFields | None = None
) -> str | None:
    brief = reading.brief
    # A product known only as "a coffee shop" gets one follow-up for its name, never two.
    asked_for_name = any(m.role == "assistant" and NAME_QUESTION in m.content for m in messages)
    if brief.product_name and reading.product_is_description and not asked_for_name:
        return NAME_FOLLOW_UP.format(p=quote(brief.product_name))
    asked_what = any(m.role == "assistant" and DESCRIPTION_QUESTION in m.content for m in messages)
    # A product known only by its name gets one "what is it?": every shot depends on the kind.
    described = bool(brief.product_description) or reading.product_is_description
    if brief.product_name and not described and not asked_what:
        return DESCRIPTION_FOLLOW_UP
    if _wants_photo_question(messages, reading, current):
        return pick(PHOTO_QUESTIONS, "photo", brief.product_name)
    missing = brief.missing_fields()
    if not missing:
        return None
    field = next(name for name in FIELD_ORDER if name in missing)
    # Start at a phrasing picked by the conversation, then move on each time it is asked again.
    start = stable_seed("question", field, brief.product_name) % len(QUESTIONS[field])
    return question(field, start + _times_asked(messages, field))


def summary(brief: BriefFields, suggested: frozenset[str]) -> str:
    def mark(name: str) -> str:
        return " (my suggestion)" if name in suggested else ""

    what = _what_it_is(brief)
    lines = [
        f"• Product: {brief.product_name}" + (f" ({what})" if what else ""),
        f"• Audience: {brief.target_audience}{mark('target_audience')}",
        f"• Tone: {', '.join(brief.emotional_tone)}{mark('emotional_tone')}",
        f"• Look: {', '.join(brief.visual_style_keywords)}{mark('visual_style_keywords')}",
        f"• Key messages: {'; '.join(brief.key_messages)}{mark('key_messages')}",
    ]
    return "\n".join(lines)


def _wrap_up(reading: Reading, turn: TurnReading | None) -> str:
    brief = reading.brief
    if turn is not None and not turn.changed and turn.asked is None:
        # The brief was already complete and nothing changed: no need to repeat it all.
        return (
            f"The brief for {brief.product_name} is all set — choose a mood whenever you're "
            "ready. If you'd like to change something, just tell me, e.g. “make it more "
            "playful” or “the audience is students”."
        )
    already_complete = turn is not None and turn.corrected and turn.asked is None
    heading = (
        "Here's the updated brief:"
        if already_complete
        else pick(
            ("That's everything I need. Here's your brief:", "We have a brief! Here it is:"),
            "summary",
            brief.product_name,
        )
    )
    return (
        f"{heading}\n\n{summary(brief, reading.suggested)}\n\n"
        "When you're happy with it, go on to choose a mood: I'll pitch three distinct visual "
        "directions. Anything to change? Just say so, e.g. “actually, make it more playful”."
    )


def compose_reply(messages: Sequence[ChatMessage], current: BriefFields | None = None) -> str:
    """The director's next turn for a conversation (pure and deterministic), starting from the
    brief the studio shows when one is given."""
    reading = read_conversation(messages, suggest, current)
    ends_with_user = bool(messages) and messages[-1].role == "user" and bool(reading.turns)
    turn = reading.turns[-1] if ends_with_user else None
    parts: list[str] = []
    if turn is not None:
        introduced = any(m.role == "assistant" and INTRO in m.content for m in messages)
        parts.append(_acknowledge(turn, reading, introduced))
    elif not reading.turns:
        parts.append(f"Hi! {INTRO}")
    follow_up = _next_question(messages, reading, current)
    parts.append(follow_up if follow_up else _wrap_up(reading, turn))
    return " ".join(part for part in parts if part).replace(" \n", "\n")
