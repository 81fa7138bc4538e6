"""The remote director's instructions, and the messages each call sends. Pure.

The rules in these words (five to seven scenes, 30 s exactly, hex colours) are the same ones
the domain models enforce afterwards; saying them up front just makes a repair or a second
ask rarer.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from openai.types.chat import ChatCompletionMessageParam

from app.models.chat import ChatMessage
from app.models.common import (
    MAX_SCENE_SECONDS,
    MAX_SCENES,
    MIN_SCENE_SECONDS,
    MIN_SCENES,
    TOTAL_DURATION,
)
from app.models.creative_brief import BriefFields, CreativeBrief
from app.models.mood import IMAGES_PER_MOOD, MoodStyle
from app.models.scene import CameraMove
from app.words.script import WORDS_PER_SECOND

Messages = list[ChatCompletionMessageParam]

NO_CLAIMS = """Never state a claim the brief does not make: no ratings, rankings, awards, \
"best-selling", "loved by", "#1", "clinically proven", results, offers, prices, ingredients or \
numbers that are not in the brief's own words. On-screen text may only be the brief's key \
messages and the product's name; everything else is neutral visual language."""

CHAT = """You are Reelsmith's creative director. You help a marketer shape a 30-second vertical \
video ad. Through a friendly, brief conversation, settle five things: the product, the target \
audience, the emotional tone, the visual style, and the key messages. Ask about one missing \
thing at a time, suggest concrete options when the marketer is unsure, and reply in at most \
three short sentences. When you suggest key messages, say they are suggestions and keep \
them free of facts the marketer has not given (no numbers, results, awards or ratings). When \
everything is settled, sum the brief up in one sentence and say they can go on to choose a \
mood; never name a button."""

PHOTO_QUESTION = """Once you know what the product is, ask once whether the marketer can add a \
photo of the product or their logo: the studio's Vision step has a place for them under "Your \
product and brand". If they say no, not yet or skip, carry on with the next thing and never \
ask about photos again."""

UPLOADED = """The marketer has already uploaded {what}; do not ask for photos. Every shot that \
shows the product uses their own photo."""

KINDS = """First tell from the brief (product_description above all) what is advertised: a \
physical product, a place (a hotel, a restaurant, a gym), a service, an app or an event. Show \
only what fits it: a hotel is arrival, the room, the view, the table; an app is the screen in \
a hand and the moment it helps; an event is the venue filling, the moment, the crowd; a \
service is the people doing the work and the relief it brings. Never show a product object of \
another category (no bottle, can or jar for a hotel, an app or a service), and never name a \
category the brief does not support."""

SHOWN = """The brief as the studio showed it when the marketer sent their latest message; they \
may have typed some fields by hand, and those are their own words:
{current}"""

SETTLED = """The brief after their latest message, as the studio will now show it:
{updated}
Acknowledge only the fields that differ between the two, with the values the second one has; \
never say you changed, noted or set anything else. Ask next about the first field that is \
still empty in it."""

BRIEF = """Read the conversation between a marketer and a creative director and write down the \
creative brief it has settled. Use the marketer's words where you can. Leave a field empty \
(an empty string or an empty list) when the conversation has not settled it; never invent. \
product_name is what the product is called; product_description is what it is ("handmade \
ceramic mugs"), empty when the name says it already. emotional_tone and \
visual_style_keywords are short words or phrases."""

BRIEF_FROM_SHOWN = """The brief as the studio shows it now; the marketer may have typed some \
fields by hand. Start from it: copy every field exactly as it is unless the marketer's latest \
message asks to change it, or answers it while it is empty.
{current}"""

MOODS = f"""You are an art director. For the creative brief given, propose clearly distinct \
visual moods for a 30-second vertical (9:16) video ad. {KINDS} For each mood give: a short \
evocative style_name; 3 to 8 style_keywords; a color_palette of 2 to 6 hex colours like \
#D4AF37, most important first; and exactly {IMAGES_PER_MOOD} image_prompts, each a \
one-sentence shot of the product for a text-to-image model, all four different (close-up, in \
use, setting, detail). {NO_CLAIMS}"""

PLAN = f"""You are a storyboard artist. Break a {TOTAL_DURATION:g}-second vertical (9:16) video \
ad into {MIN_SCENES} to {MAX_SCENES} scenes that tell a story: a hook, the product, its benefit, \
and a closing shot of the product. {KINDS} Durations are in whole or half seconds, each at \
least {MIN_SCENE_SECONDS:g} and at most {MAX_SCENE_SECONDS:g}, and they must sum to exactly \
{TOTAL_DURATION:g}. Number scenes from 1. For \
each give a description of what the viewer sees, a style_prompt in words an image model \
understands (lighting, palette, lens), and a camera_move, one of: \
{", ".join(move.value for move in CameraMove)}; vary the moves between neighbouring scenes. \
Give each scene an on_screen_text: one of the brief's key_messages copied word for word, on \
the scene that shows it, or "" (most scenes have none; never words of your own). Give each \
scene a voiceover: what a voice says over it, at about {WORDS_PER_SECOND:g} words a second, \
at most (duration - 1) x {WORDS_PER_SECOND:g} words so the 0.5 s crossfades between scenes stay \
quiet; it may be "" for a scene with nothing to say. Give the plan a call_to_action for the \
closing card: the brief's call_to_action word for word when it has one, else a short one of \
your own that makes no claim. {NO_CLAIMS}"""


def chat_messages(
    messages: list[ChatMessage],
    current: BriefFields | None = None,
    updated: BriefFields | None = None,
) -> Messages:
    """The conversation as it stands, under the director's instructions and, when the studio
    sent it, the brief before and after the latest message (so hand edits are seen and no
    change is claimed that the studio will not show)."""
    instructions = [CHAT]
    shown = updated or current
    uploaded = _uploads(shown) if shown is not None else ""
    instructions.append(UPLOADED.format(what=uploaded) if uploaded else PHOTO_QUESTION)
    brand = _brand_facts(shown) if shown is not None and shown.brand is not None else ""
    if brand:
        instructions.append(brand)
    if current is not None:
        instructions.append(SHOWN.format(current=_json(current)))
    if updated is not None:
        instructions.append(SETTLED.format(updated=_json(updated)))
    turns: Messages = [{"role": "system", "content": "\n\n".join(instructions)}]
    for message in messages:
        # Our instructions lead: a system turn sent by a client does not get to replace them.
        if message.role == "user":
            turns.append({"role": "user", "content": message.content})
        elif message.role == "assistant":
            turns.append({"role": "assistant", "content": message.content})
    return turns


def _uploads(brief: BriefFields) -> str:
    """What the studio holds from the marketer, in words: 'two product photos and a logo'."""
    count = len(brief.product_images)
    things = []
    if count:
        things.append("a product photo" if count == 1 else f"{count} product photos")
    if brief.product_images and brief.brand is not None and brief.brand.logo_url:
        things.append("a logo")
    return " and ".join(things)


def _brand_facts(brief: BriefFields) -> str:
    """The brand as the marketer set it, so the director speaks of it instead of asking."""
    brand = brief.brand
    assert brand is not None
    facts = []
    if brand.logo_url:
        facts.append("a logo (uploaded)")
    if brand.colors:
        facts.append(f"brand colours {', '.join(brand.colors)}")
    if brand.font:
        facts.append(f"the font {brand.font}")
    if not facts:
        return ""
    return (
        f"The brand is set in the studio: {'; '.join(facts)}. The first mood keeps these colours "
        "exactly; do not ask for them again."
    )


def brief_messages(messages: list[ChatMessage], current: BriefFields | None = None) -> Messages:
    transcript = "\n".join(
        f"{message.role}: {message.content}" for message in messages if message.role != "system"
    )
    ask = f"The conversation:\n{transcript}"
    if current is not None:
        ask += "\n\n" + BRIEF_FROM_SHOWN.format(current=_json(current))
    return [{"role": "system", "content": BRIEF}, {"role": "user", "content": ask}]


def _own_product(brief: BriefFields) -> str:
    """Shots show the user's photographed product, so they describe it as it is, not a guess."""
    if not brief.product_images:
        return ""
    return (
        "\nThe marketer uploaded photos of the product (product_images): every shot that shows "
        "the product shows that very product, so describe it as 'the product' in its setting, "
        "never as another object."
    )


def mood_messages(brief: CreativeBrief, count: int, avoid: Sequence[str] = ()) -> Messages:
    ask = f"Propose exactly {count} moods for this brief:\n{_json(brief)}{_own_product(brief)}"
    if avoid:
        # "New moods" in the studio: the user has seen these and wants other ideas.
        ask += "\nThe user has already seen and set aside these moods; propose different "
        ask += f"directions with different names: {json.dumps(list(avoid))}"
    return [{"role": "system", "content": MOODS}, {"role": "user", "content": ask}]


def plan_messages(brief: CreativeBrief, mood: MoodStyle) -> Messages:
    return [
        {"role": "system", "content": PLAN},
        {
            "role": "user",
            "content": f"The brief:\n{_json(brief)}{_own_product(brief)}\n\n"
            f"The chosen visual mood:\n{_json(mood)}",
        },
    ]


def ask_again(previous_answer: str, problem: str) -> Messages:
    """What follows an answer that broke the rules: the answer itself, then what was wrong."""
    return [
        {"role": "assistant", "content": previous_answer},
        {
            "role": "user",
            "content": f"That answer cannot be used: {problem}. Answer again, in full, "
            "following every rule.",
        },
    ]


def _json(model: BriefFields | MoodStyle) -> str:
    return json.dumps(model.model_dump(mode="json"), ensure_ascii=False, indent=1)
