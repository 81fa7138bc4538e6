"""Planning the 30-second ad: hook → reveal → one benefit per key message → a moment of real life
→ call to action. Each scene says what the viewer sees (concrete, with the product, the
audience's persona and the setting), how it should look (for the image model), and how the
camera moves.

The only words lettered on screen are the brief's own: each key message on its benefit scene,
and the product's name with a call to action on the last. Nothing else the ad shows may state a
claim the brief does not make (no "Loved by …", ratings or results); see `claims`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from app.models.common import MAX_SCENES, MIN_SCENES
from app.models.creative_brief import BriefFields
from app.models.mood import MoodStyle
from app.models.scene import CameraMove, Scene, ScenePlan
from app.providers.local.director import colours, script
from app.providers.local.director.audience import Persona, persona
from app.providers.local.director.category import Category
from app.providers.local.director.families import StyleFamily, closest_family
from app.providers.local.director.moods import BriefTaste, choose_families
from app.providers.local.director.text import capitalise, join_words, quote
from app.storyboard_rules import allocate
from app.words.windows import speech_windows


class Role(StrEnum):
    HOOK = "hook"
    REVEAL = "reveal"
    BENEFIT = "benefit"
    LIFESTYLE = "lifestyle"
    CTA = "call to action"


@dataclass(frozen=True)
class Timing:
    weight: float
    low: float
    high: float


# A hook must land before the thumb moves on (3–4 s); the call to action needs time to be read
# (4–5 s); the middle scenes share the rest. Every scene stays within [3, 8] s.
TIMINGS: dict[Role, Timing] = {
    Role.HOOK: Timing(3.5, 3.0, 4.0),
    Role.REVEAL: Timing(5.0, 4.0, 7.0),
    Role.BENEFIT: Timing(5.5, 4.0, 8.0),
    Role.LIFESTYLE: Timing(5.0, 4.0, 7.0),
    Role.CTA: Timing(4.5, 4.0, 5.0),
}

_SHOTS: dict[Role, str] = {
    Role.HOOK: "extreme close-up, slow motion, scroll-stopping first frame",
    Role.REVEAL: "product hero shot, clean composition",
    Role.BENEFIT: "detail shot with clean space for on-screen text",
    Role.LIFESTYLE: "candid lifestyle shot, relaxed expressions",
    Role.CTA: "centred end card with space for the product name",
}

MAX_BENEFITS = MAX_SCENES - 4
"""Hook, reveal, lifestyle and call to action leave room for three benefits in seven scenes."""


def scene_roles(brief: BriefFields) -> list[Role]:
    """One benefit scene per key message (at least one), so 5–7 scenes in all."""
    benefits = min(max(len(brief.key_messages), 1), MAX_BENEFITS)
    roles = [Role.HOOK, Role.REVEAL, *[Role.BENEFIT] * benefits, Role.LIFESTYLE, Role.CTA]
    assert MIN_SCENES <= len(roles) <= MAX_SCENES
    return roles


def camera_moves(roles: list[Role], lively: bool) -> list[CameraMove]:
    """Push into the hook, pull out to reveal, alternate pans across benefits, and close by
    pushing in (lively looks) or rising (calm ones); never the same move twice in a row."""
    moves: list[CameraMove] = []
    pans = (CameraMove.PAN_RIGHT, CameraMove.PAN_LEFT)
    pan_index = 0
    for role in roles:
        if role is Role.HOOK:
            move = CameraMove.PUSH_IN
        elif role is Role.REVEAL:
            move = CameraMove.PULL_OUT
        elif role is Role.BENEFIT or (role is Role.LIFESTYLE and lively):
            move = pans[pan_index % 2]
            pan_index += 1
        elif role is Role.LIFESTYLE:
            move = CameraMove.DESCEND
        else:
            move = CameraMove.PUSH_IN if lively else CameraMove.RISE
        moves.append(move)
    return moves


@dataclass(frozen=True)
class _Context:
    product: str
    thing: str
    category: Category
    cast: Persona
    family: StyleFamily
    cta: str

    def fill(self, template: str, capital: bool = True) -> str:
        return self.cast.render(template, self.product, capital=capital, thing=self.thing)


def _describe(role: Role, ctx: _Context, benefit_index: int, message: str | None) -> str:
    family, category = ctx.family, ctx.category
    closeup = ctx.fill(category.closeup, capital=False)
    if role is Role.HOOK:
        return f"{ctx.fill(category.hook)}, {family.atmosphere}."
    if role is Role.REVEAL and not category.is_object:
        # A hotel or a festival is not set on a plinth: it is revealed where it is.
        return f"The reveal: {closeup}, {family.atmosphere}. {capitalise(family.lighting)}."
    if role is Role.REVEAL:
        lighting = capitalise(family.lighting)
        return f"The reveal: {closeup} {family.hero}. {lighting} catches every edge."
    if role is Role.BENEFIT:
        visual = ctx.fill(category.benefit_visuals[benefit_index % len(category.benefit_visuals)])
        text = f" On-screen text: {quote(message)}." if message else ""
        return f"{visual}, {family.lighting}.{text}"
    if role is Role.LIFESTYLE:
        # No lettering: a moment of real life, not a testimonial the brief never gave.
        return f"{ctx.fill(category.lifestyle)} — {family.atmosphere}."
    cta = ctx.cta
    if not category.is_object:
        return (
            f"Closing shot: {closeup}, {family.lighting}. The name {quote(ctx.product)} appears "
            f"in clean bold type with the call to action {quote(cta)}."
        )
    return (
        f"Closing shot: {closeup} centred on {family.surface}, {family.lighting}. "
        f"The name {quote(ctx.product)} appears in clean bold type with the call to action "
        f"{quote(cta)}."
    )


def _style_prompt(role: Role, mood: MoodStyle, family: StyleFamily, tones: list[str]) -> str:
    keywords = mood.style_keywords[:5] or list(family.keywords[:5])
    named = colours.describe(mood.color_palette or list(family.palette))
    palette = [name for name in named if name not in keywords] or named
    feeling = join_words(tones[:2]) if tones else "confident"
    return (
        f"{', '.join(keywords)}, {join_words(palette)} palette, {family.lighting}, "
        f"{feeling} mood, {_SHOTS[role]}, vertical 9:16 advertising photography"
    )


def plan(brief: BriefFields, mood: MoodStyle) -> ScenePlan:
    """A valid plan for any brief with a product name and any mood (ours or anyone's)."""
    taste = BriefTaste.of(brief)
    family = closest_family(mood.style_name, mood.style_keywords)
    if family is None:  # a mood in words we do not know: fall back on the brief's best fit
        family = choose_families(taste, 1)[0]
    cast = persona(brief.target_audience)
    proposed = cast.render(taste.category.cta, brief.product_name, capital=True, thing=taste.thing)
    ctx = _Context(
        product=brief.product_name,
        thing=taste.thing,
        category=taste.category,
        cast=cast,
        family=family,
        cta=script.call_to_action(brief, proposed),
    )
    roles = scene_roles(brief)
    durations = allocate(
        [TIMINGS[r].weight for r in roles], [(TIMINGS[r].low, TIMINGS[r].high) for r in roles]
    )
    moves = camera_moves(roles, family.lively)
    messages = list(brief.key_messages[:MAX_BENEFITS])
    scenes: list[Scene] = []
    benefit_index = 0
    windows = speech_windows(durations)
    for number, (role, seconds, move) in enumerate(zip(roles, durations, moves, strict=True), 1):
        message = None
        if role is Role.BENEFIT:
            message = messages[benefit_index] if benefit_index < len(messages) else None
        room = windows[number - 1].seconds
        scenes.append(
            Scene(
                scene_number=number,
                duration=seconds,
                description=_describe(role, ctx, benefit_index, message)[:2000],
                style_prompt=_style_prompt(role, mood, family, brief.emotional_tone)[:2000],
                camera_move=move,
                on_screen_text=message or "",
                voiceover=_voiceover(role, ctx, brief, message, room),
            )
        )
        if role is Role.BENEFIT:
            benefit_index += 1
    return ScenePlan(scenes=scenes, call_to_action=ctx.cta)


def _voiceover(
    role: Role, ctx: _Context, brief: BriefFields, message: str | None, seconds: float
) -> str:
    """What the voice says over a scene of this role, fitted to `seconds`; see `script`."""
    if role is Role.CTA:
        return script.closing_line(ctx.product, ctx.cta, seconds)
    line = {
        Role.HOOK: script.HOOK_LINE,
        Role.REVEAL: f"Meet {ctx.product}.",
        Role.BENEFIT: script.sentence(message or ""),
        Role.LIFESTYLE: script.tone_line(brief),
    }[role]
    return script.fitted(line, seconds)[:400]
