"""Projects: one ad's work from the first chat message to every ad composed, kept on the server.

The work is held in the shapes the step endpoints answer (`moods`, `scene_plan`,
`scenes_with_seeds`, `clips`, a compose status), so the studio stores what it was given and a
project validates with the same models as the steps.
"""

from __future__ import annotations

import unicodedata
from datetime import datetime
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from app.models.chat import MAX_MESSAGES, UIMessage
from app.models.common import MAX_SCENES, Seconds
from app.models.creative_brief import BriefFields
from app.models.mood import Mood
from app.models.scene import ScenePlan, SceneWithSeed
from app.models.video import Clip

MAX_NAME_CHARS = 120
MAX_MOOD_SETS = 50
"""Every "New moods" the user asked for is kept; no studio session asks for this many."""
DEFAULT_NAME = "Untitled project"


def _one_line(name: str) -> str:
    if any(unicodedata.category(character) == "Cc" for character in name):
        raise ValueError("a project name is one line of text, without control characters")
    return name


ProjectName = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_NAME_CHARS),
    AfterValidator(_one_line),
]


class ProjectWork(BaseModel):
    """What the studio has made so far; every part optional, in the steps' own shapes."""

    model_config = ConfigDict(extra="forbid")

    chat: list[UIMessage] = Field(default_factory=list, max_length=MAX_MESSAGES)
    """The conversation with the director, as `useChat` holds it."""
    creative_brief: BriefFields | None = None
    mood_sets: list[Annotated[list[Mood], Field(max_length=6)]] = Field(
        default_factory=list, max_length=MAX_MOOD_SETS
    )
    """Every set of moods shown, oldest first."""
    selected_mood: Mood | None = None
    scene_plan: ScenePlan | None = None
    scenes_with_seeds: list[SceneWithSeed] = Field(default_factory=list, max_length=MAX_SCENES)
    clips: list[Clip] = Field(default_factory=list, max_length=MAX_SCENES)
    clip_job_id: Annotated[str, Field(max_length=64)] | None = None
    """The clip job `clips` came from (a retry of it keeps the finished clips)."""


class ProjectCreate(ProjectWork):
    """`POST /api/projects`: a name, and optionally work the studio already has."""

    name: ProjectName = DEFAULT_NAME


class ProjectUpdate(BaseModel):
    """`PATCH /api/projects/{id}`: only the fields sent change; `null` clears an optional one."""

    model_config = ConfigDict(extra="forbid")

    name: ProjectName | None = None
    chat: list[UIMessage] | None = Field(default=None, max_length=MAX_MESSAGES)
    creative_brief: BriefFields | None = None
    mood_sets: list[Annotated[list[Mood], Field(max_length=6)]] | None = Field(
        default=None, max_length=MAX_MOOD_SETS
    )
    selected_mood: Mood | None = None
    scene_plan: ScenePlan | None = None
    scenes_with_seeds: list[SceneWithSeed] | None = Field(default=None, max_length=MAX_SCENES)
    clips: list[Clip] | None = Field(default=None, max_length=MAX_SCENES)
    clip_job_id: Annotated[str, Field(max_length=64)] | None = None


class Ad(BaseModel):
    """One ad composed for the project, as its compose job finished."""

    ad_id: str
    job_id: str | None
    final_video_url: str
    final_videos: dict[str, str] = Field(default_factory=dict)
    audio_url: str | None = None
    captions_url: str | None = None
    """The captions burned into the ad, as WebVTT (none without voice or captions)."""
    captions_srt_url: str | None = None
    poster_url: str | None = None
    """The ad's opening frame: its first scene's seed image."""
    duration: Seconds | None = None
    estimated_usd: float = 0.0
    created_at: datetime


class ProjectSummary(BaseModel):
    """A project in the gallery."""

    project_id: str
    name: str
    created_at: datetime
    updated_at: datetime
    thumbnail_url: str | None = None
    """The latest ad's poster, else the first seed image, else the chosen (or first) mood's
    first image; None while the project has no picture."""
    ad_count: int = 0
    """How many ads were composed."""


class Project(ProjectWork):
    """A whole project (`GET /api/projects/{id}`): its work and every ad composed."""

    model_config = ConfigDict(extra="ignore")

    project_id: str
    name: str
    created_at: datetime
    updated_at: datetime
    thumbnail_url: str | None = None
    ads: list[Ad] = Field(default_factory=list)
    """Oldest first."""


class ProjectList(BaseModel):
    projects: list[ProjectSummary]
    """Newest first."""
