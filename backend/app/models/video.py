"""Clip generation and composition jobs, in the seed's shapes."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from app.errors import ErrorCode
from app.models.common import (
    DURATION_TOLERANCE,
    MAX_SCENE_SECONDS,
    MAX_SCENES,
    MIN_SCENES,
    TOTAL_DURATION,
    Seconds,
    ShortText,
    VoiceoverLine,
)
from app.models.cost import JobCost
from app.models.creative_brief import BriefFields
from app.models.mood import MoodStyle
from app.models.scene import SeededStoryboard
from app.storyboard_rules import CROSSFADE_SECONDS

Url = Annotated[str, Field(min_length=1, max_length=2000)]
VoiceName = Annotated[str, Field(min_length=1, max_length=60, pattern=r"^[A-Za-z0-9_.:-]+$")]
"""A voice's name (`joe`, `espeak`, `coral`) or `none`."""


class JobStatus(StrEnum):
    PROCESSING = "processing"
    COMPLETE = "complete"
    FAILED = "failed"


class JobKind(StrEnum):
    CLIPS = "clips"
    COMPOSE = "compose"


class ErrorInfo(BaseModel):
    """A job's or a clip's failure: the same `code` and `message` as every error body."""

    code: ErrorCode
    """Stable, for programs: e.g. `render_failed`, `provider_timed_out`."""
    message: str
    """For people: what went wrong, in a sentence."""


class Clip(BaseModel):
    scene_number: int
    status: JobStatus
    video_url: str | None = None
    duration: Seconds | None = None
    """The scene's share of the 30 s; the clip file runs 0.5 s longer to feed the crossfade."""
    error: ErrorInfo | None = None


class GenerateVideoRequest(BaseModel):
    scenes: SeededStoryboard


class GenerateVideoResponse(BaseModel):
    job_id: str
    status: JobStatus
    clips: list[Clip]


class EstimateRequest(BaseModel):
    """The storyboard about to be rendered, and the voice the ad would be composed with."""

    scenes: SeededStoryboard
    voice: VoiceName | None = None
    """As in a compose request: a voice, `none`, or unset for the `VOICE_NAME` setting."""


class RetryClipsRequest(BaseModel):
    scene_numbers: list[int] = Field(default_factory=list, max_length=MAX_SCENES)
    """Scenes to render again; empty means every failed one."""


class VideoStatusResponse(BaseModel):
    job_id: str
    status: JobStatus
    progress: int
    clips: list[Clip]
    error: ErrorInfo | None = None
    cost: JobCost = Field(default_factory=JobCost)
    """Calls made to model providers and their estimated price (added to the seed's shape)."""


class ComposeClip(BaseModel):
    """A finished clip handed to composition; `status` and `duration` pass through from status."""

    model_config = ConfigDict(extra="ignore")

    scene_number: int = Field(ge=1, le=MAX_SCENES)
    video_url: Url
    duration: Seconds | None = Field(default=None, gt=CROSSFADE_SECONDS, le=MAX_SCENE_SECONDS)
    status: JobStatus = JobStatus.COMPLETE
    on_screen_text: ShortText = ""
    """The scene's title (from its storyboard card); empty: none."""
    voiceover: VoiceoverLine = ""
    """The scene's spoken line; empty: the voice is quiet over this scene. A line that cannot
    be said at a natural pace inside the scene (clear of its crossfades) is refused (422)."""


def check_compose_clips(clips: list[ComposeClip]) -> list[ComposeClip]:
    """Finished clips numbered 1..N, with durations for all (summing to 30 s) or for none."""
    numbers = sorted(clip.scene_number for clip in clips)
    if numbers != list(range(1, len(clips) + 1)):
        raise ValueError(f"scene numbers must be 1 to {len(clips)}, each once; got {numbers}")
    unfinished = [clip.scene_number for clip in clips if clip.status is not JobStatus.COMPLETE]
    if unfinished:
        raise ValueError(f"scenes {unfinished} have no finished clip; retry them before composing")
    durations = [clip.duration for clip in clips]
    given = [d for d in durations if d is not None]
    if given and len(given) != len(clips):
        raise ValueError("give a duration for every clip or for none")
    if given and abs(sum(given) - TOTAL_DURATION) > DURATION_TOLERANCE:
        raise ValueError(
            f"clip durations sum to {sum(given):g} s; they must sum to exactly {TOTAL_DURATION:g} s"
        )
    return sorted(clips, key=lambda clip: clip.scene_number)


AdFormat = Literal["9:16", "1:1", "4:5", "16:9"]
"""9:16 is 1080×1920, 1:1 1080×1080, 4:5 1080×1350, 16:9 1920×1080."""


def check_formats(formats: list[AdFormat]) -> list[AdFormat]:
    if len(set(formats)) != len(formats):
        raise ValueError(f"each format once; got {formats}")
    return formats


class ComposeRequest(BaseModel):
    clips: Annotated[
        list[ComposeClip],
        Field(min_length=MIN_SCENES, max_length=MAX_SCENES),
        AfterValidator(check_compose_clips),
    ]
    """Durations are the scenes' shares of the 30 s; without them the 30 s is split evenly."""
    mood: MoodStyle = Field(default_factory=MoodStyle)
    creative_brief: BriefFields = Field(default_factory=BriefFields)
    formats: Annotated[
        list[AdFormat], Field(min_length=1, max_length=4), AfterValidator(check_formats)
    ] = Field(default_factory=lambda: list[AdFormat](["9:16"]))
    """Shapes to make the ad in; the first is `final_video_url`. Other shapes are reframed from
    the same clips (a centre crop, or for 16:9 a blurred fill behind the 9:16 picture)."""
    call_to_action: ShortText = ""
    """What the end card asks the viewer to do; empty: the brief's, if it has one."""
    voice: VoiceName | None = None
    """Who speaks the clips' voiceover lines: a voice of the voice provider, or `none` for
    music only. Unset: the `VOICE_NAME` setting."""
    captions: bool = True
    """Burn the spoken words in as captions (and offer them as .vtt/.srt)."""


class ComposeResponse(BaseModel):
    job_id: str
    status: JobStatus


class ComposeStatusResponse(BaseModel):
    job_id: str
    status: JobStatus
    progress: int
    final_video_url: str | None = None
    """The first format asked for (9:16 unless the request said otherwise)."""
    final_videos: dict[str, str] = Field(default_factory=dict)
    """Every format asked for (e.g. `"1:1"`) → its video's URL, in the order asked."""
    duration: Seconds | None = None
    audio_url: str | None = None
    captions_url: str | None = None
    """The captions as WebVTT, the same cues as burned in; None without voice or captions."""
    captions_srt_url: str | None = None
    """The same captions as SubRip (`.srt`)."""
    error: ErrorInfo | None = None
    cost: JobCost = Field(default_factory=JobCost)
    """Calls made to model providers and their estimated price (added to the seed's shape)."""


class JobStatusResponse(BaseModel):
    """Any job, whatever its kind (`GET /api/status/{job_id}`)."""

    job_id: str
    kind: JobKind
    status: JobStatus
    progress: int
    clips: list[Clip] = Field(default_factory=list)
    final_video_url: str | None = None
    final_videos: dict[str, str] = Field(default_factory=dict)
    duration: Seconds | None = None
    audio_url: str | None = None
    captions_url: str | None = None
    """The captions as WebVTT, the same cues as burned in; None without voice or captions."""
    captions_srt_url: str | None = None
    """The same captions as SubRip (`.srt`)."""
    error: ErrorInfo | None = None
    cost: JobCost = Field(default_factory=JobCost)
    """Calls made to model providers and their estimated price (added to the seed's shape)."""
