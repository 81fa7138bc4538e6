"""What GPT-4o is asked to fill (the drafts) and how a draft becomes a validated domain object.

The drafts are the JSON schemas sent as structured outputs: every field required, no defaults,
no extra keys, as OpenAI's strict mode wants, and no numeric or length limits (strict mode
does not enforce those). The rules live where they always do, in the domain models the local
director returns (`BriefFields`, `MoodDirection`, `ScenePlan`). Between the two, repairs that
change nothing a person would notice are made (renumbering, trimming, rescaling durations
that miss 30 s by a little); anything else raises `DraftRejected`, whose message is sent back
to the model when it is asked again. Pure functions, tested without a network.
"""

from __future__ import annotations

import re
from typing import TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

from app.models.common import MAX_SCENES, MIN_SCENES, TOTAL_DURATION
from app.models.creative_brief import BriefFields
from app.models.mood import IMAGES_PER_MOOD, MoodDirection
from app.models.scene import CameraMove, ScenePlan
from app.providers.remote.plan_words import DraftRejected, plan_words
from app.storyboard_rules import allocate, scene_bounds

RESCALE_WINDOW = 0.2
"""Durations summing within 20 % of 30 s are rescaled; further off, the plan is asked again."""
M = TypeVar("M", bound=BaseModel)
_HEX = re.compile(r"^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")


class _Draft(BaseModel):
    model_config = ConfigDict(extra="forbid")


class BriefDraft(_Draft):
    product_name: str
    product_description: str
    target_audience: str
    emotional_tone: list[str]
    visual_style_keywords: list[str]
    key_messages: list[str]


class MoodDraft(_Draft):
    style_name: str
    style_keywords: list[str]
    color_palette: list[str]
    image_prompts: list[str]


class MoodBoardDraft(_Draft):
    moods: list[MoodDraft]


class SceneDraft(_Draft):
    scene_number: int
    duration: float
    description: str
    style_prompt: str
    camera_move: CameraMove
    on_screen_text: str
    voiceover: str


class StoryboardDraft(_Draft):
    scenes: list[SceneDraft]
    call_to_action: str


def brief_from(draft: BriefDraft) -> BriefFields:
    return _validate(
        BriefFields,
        {
            "product_name": draft.product_name.strip()[:200],
            "product_description": draft.product_description.strip()[:200],
            "target_audience": draft.target_audience.strip()[:200],
            "emotional_tone": _words(draft.emotional_tone, 10),
            "visual_style_keywords": _words(draft.visual_style_keywords, 12),
            "key_messages": _words(draft.key_messages, 8, length=200),
        },
    )


def moods_from(draft: MoodBoardDraft, count: int) -> list[MoodDirection]:
    if len(draft.moods) < count:
        raise DraftRejected(f"give exactly {count} moods, not {len(draft.moods)}")
    moods = []
    for number, mood in enumerate(draft.moods[:count], start=1):
        prompts = [p.strip() for p in mood.image_prompts if p.strip()]
        if len(prompts) < IMAGES_PER_MOOD:
            raise DraftRejected(
                f"mood {number} needs {IMAGES_PER_MOOD} distinct image prompts, not {len(prompts)}"
            )
        palette = list(dict.fromkeys(c for c in map(hex_colour, mood.color_palette) if c))[:6]
        if len(palette) < 2:
            raise DraftRejected(
                f"mood {number} needs 2 to 6 colours written like #D4AF37, got {mood.color_palette}"
            )
        moods.append(
            _validate(
                MoodDirection,
                {
                    "style_name": mood.style_name.strip()[:200],
                    "style_keywords": _words(mood.style_keywords, 12),
                    "color_palette": palette,
                    "image_prompts": [p[:2000] for p in prompts[:IMAGES_PER_MOOD]],
                },
            )
        )
    return moods


def plan_from(draft: StoryboardDraft, brief: BriefFields | None = None) -> ScenePlan:
    """The plan, its words checked against `brief` (see `app.providers.remote.plan_words`)."""
    scenes = draft.scenes
    if not MIN_SCENES <= len(scenes) <= MAX_SCENES:
        raise DraftRejected(
            f"an ad has {MIN_SCENES} to {MAX_SCENES} scenes, this plan has {len(scenes)}"
        )
    # The order given is the story; the numbers are only labels, so they are rewritten.
    durations = [scene.duration for scene in scenes]
    total = sum(durations)
    if abs(total - TOTAL_DURATION) > 1e-6:
        if min(durations) <= 0 or abs(total - TOTAL_DURATION) > RESCALE_WINDOW * TOTAL_DURATION:
            raise DraftRejected(
                f"scene durations sum to {total:g} s; they must sum to exactly "
                f"{TOTAL_DURATION:g} s, each at least 1 s"
            )
        durations = allocate(durations, scene_bounds(len(durations)))
    plan = _validate(
        ScenePlan,
        {
            "total_duration": TOTAL_DURATION,
            "scenes": [
                {
                    "scene_number": number,
                    "duration": duration,
                    "description": scene.description.strip(),
                    "style_prompt": scene.style_prompt.strip(),
                    "camera_move": scene.camera_move,
                }
                for number, (scene, duration) in enumerate(
                    zip(scenes, durations, strict=True), start=1
                )
            ],
        },
    )
    # Words are checked once the timing is valid: whether a line fits depends on it.
    words = plan_words(draft, brief or BriefFields(), [s.duration for s in plan.scenes])
    return _validate(
        ScenePlan,
        {
            **plan.model_dump(),
            "call_to_action": words.call_to_action,
            "scenes": [
                {**scene.model_dump(), "on_screen_text": text, "voiceover": line}
                for scene, text, line in zip(plan.scenes, words.titles, words.lines, strict=True)
            ],
        },
    )


def hex_colour(value: str) -> str | None:
    """`#d4af37`, `D4AF37` or `#fff` as `#D4AF37`/`#FFFFFF`; None for anything else."""
    match = _HEX.match(value.strip())
    if not match:
        return None
    digits = match.group(1)
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    return f"#{digits.upper()}"


def _words(values: list[str], most: int, length: int = 60) -> list[str]:
    cleaned = (value.strip()[:length] for value in values)
    return list(dict.fromkeys(value for value in cleaned if value))[:most]


def _validate(model: type[M], data: dict[str, object]) -> M:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(part) for part in error['loc']) or 'answer'}: {error['msg']}"
            for error in exc.errors()
        )
        raise DraftRejected(problems) from exc
