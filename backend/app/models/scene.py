"""Storyboards: 5–7 scenes whose durations sum to exactly 30 seconds."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from app.models import examples
from app.models.common import (
    DURATION_TOLERANCE,
    MAX_SCENE_SECONDS,
    MAX_SCENES,
    MIN_SCENE_SECONDS,
    MIN_SCENES,
    TOTAL_DURATION,
    LongText,
    Seconds,
    ShortText,
    VoiceoverLine,
)
from app.models.creative_brief import CreativeBrief
from app.models.mood import Mood, MoodStyle


class CameraMove(StrEnum):
    """How the camera moves over a scene's seed image when it becomes a clip."""

    PUSH_IN = "push_in"
    PULL_OUT = "pull_out"
    PAN_LEFT = "pan_left"
    PAN_RIGHT = "pan_right"
    RISE = "rise"
    """Tilt up: the frame travels from the bottom of the image to the top."""
    DESCEND = "descend"


class Scene(BaseModel):
    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)

    scene_number: int = Field(ge=1, le=MAX_SCENES)
    duration: Seconds = Field(ge=MIN_SCENE_SECONDS, le=MAX_SCENE_SECONDS)
    """Seconds this scene holds the screen in the final ad."""
    description: LongText = Field(min_length=1)
    """What the viewer sees."""
    style_prompt: LongText = ""
    """The look, in words an image model understands."""
    camera_move: CameraMove | None = None
    """Chosen by the director; the motion step picks one when it is missing."""
    on_screen_text: ShortText = ""
    """A short message shown as a title during the scene, taken from the brief's key messages
    (never a claim the brief does not make). Empty: no title."""
    voiceover: VoiceoverLine = ""
    """What the voice says over this scene, at about 2.5 words a second. Empty: silence."""


class SceneWithSeed(Scene):
    seed_image_url: Annotated[str, Field(min_length=1, max_length=2000)]


S = TypeVar("S", bound=Scene)


def check_storyboard(scenes: list[S]) -> list[S]:
    """An ad is 5–7 scenes numbered 1..N whose durations sum to exactly 30 s."""
    if not MIN_SCENES <= len(scenes) <= MAX_SCENES:
        raise ValueError(f"an ad has {MIN_SCENES} to {MAX_SCENES} scenes, got {len(scenes)}")
    numbers = sorted(scene.scene_number for scene in scenes)
    if numbers != list(range(1, len(scenes) + 1)):
        raise ValueError(f"scene numbers must be 1 to {len(scenes)}, each once; got {numbers}")
    total = sum(scene.duration for scene in scenes)
    if abs(total - TOTAL_DURATION) > DURATION_TOLERANCE:
        raise ValueError(
            f"scene durations sum to {total:g} s; they must sum to exactly {TOTAL_DURATION:g} s"
        )
    return sorted(scenes, key=lambda scene: scene.scene_number)


Storyboard = Annotated[list[Scene], AfterValidator(check_storyboard)]
SeededStoryboard = Annotated[list[SceneWithSeed], AfterValidator(check_storyboard)]


class ScenePlan(BaseModel):
    total_duration: Seconds = TOTAL_DURATION
    scenes: Storyboard
    call_to_action: ShortText = ""
    """What the end card asks the viewer to do ("Shop the serum"): the brief's own when it has
    one, else the director's proposal."""


class PlanScenesRequest(BaseModel):
    model_config = ConfigDict(
        json_schema_extra=examples.schema_examples(
            {"creative_brief": examples.BRIEF, "selected_mood": examples.MOOD}
        )
    )

    creative_brief: CreativeBrief
    selected_mood: Mood


class PlanScenesResponse(BaseModel):
    scene_plan: ScenePlan


class GenerateSeedsRequest(BaseModel):
    model_config = ConfigDict(
        json_schema_extra=examples.schema_examples(
            {
                "scenes": examples.SCENES,
                "mood_style": examples.MOOD,
                "creative_brief": examples.BRIEF,
            }
        )
    )

    scenes: Storyboard
    mood_style: MoodStyle = Field(default_factory=MoodStyle)
    creative_brief: CreativeBrief | None = None
    """Optional: lets the closing scene letter the product name onto its image."""


class GenerateSeedsResponse(BaseModel):
    scenes_with_seeds: list[SceneWithSeed]


class RegenerateSeedRequest(GenerateSeedsRequest):
    """The whole storyboard (it tells the painter what the ad is about) and which take to paint."""

    variation: int = Field(default=1, ge=0, le=100_000)
    """Which take of the shot: the same number paints the same image; the studio counts up."""


class RegenerateSeedResponse(BaseModel):
    scene_with_seed: SceneWithSeed
