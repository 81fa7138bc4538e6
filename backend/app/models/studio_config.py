"""`GET /api/config`: the rules a client needs to build valid requests, from their one home."""

from __future__ import annotations

from typing import get_args

from pydantic import BaseModel, ConfigDict, Field

from app import storyboard_rules as rules
from app.models.common import SHORT_TEXT_CHARS, VOICEOVER_CHARS
from app.models.creative_brief import BRIEF_FIELDS, RequiredBriefField
from app.models.video import AdFormat
from app.words import script, windows

ANSWER = ConfigDict(json_schema_serialization_defaults_required=True)
"""Answered, never sent: every field is present, so the generated types need no `?`."""


class StoryboardRules(BaseModel):
    model_config = ANSWER

    total_seconds: float = rules.TOTAL_SECONDS
    """Every ad lasts exactly this long; scene durations sum to it."""
    step_seconds: float = rules.STEP_SECONDS
    """Scene durations are whole multiples of this."""
    min_scene_seconds: float = rules.MIN_SCENE_SECONDS
    max_scene_seconds: float = rules.MAX_SCENE_SECONDS
    min_scenes: int = rules.MIN_SCENES
    max_scenes: int = rules.MAX_SCENES
    crossfade_seconds: float = rules.CROSSFADE_SECONDS
    """Every cut is a crossfade this long."""
    fps: int = rules.FPS


class ScriptRules(BaseModel):
    """The words' rules (`app.words.script`): how long a line may be, and when it fits."""

    model_config = ANSWER

    words_per_second: float = script.WORDS_PER_SECOND
    """A natural pace: a line needs `words / words_per_second` seconds."""
    word_pattern: str = script.WORD_PATTERN.pattern
    """What counts as one spoken word (a regular expression; `\\w` is any letter or digit)."""
    speech_margin_seconds: float = windows.SPEECH_MARGIN
    """A line keeps this far from the crossfades: its room is the scene clear of its
    crossfades (the frame grid at `fps`) less this margin on each side."""
    max_on_screen_text_chars: int = SHORT_TEXT_CHARS
    max_voiceover_chars: int = VOICEOVER_CHARS
    max_call_to_action_chars: int = SHORT_TEXT_CHARS


class BriefRules(BaseModel):
    model_config = ANSWER

    required_fields: list[RequiredBriefField] = Field(default_factory=lambda: list(BRIEF_FIELDS))
    """A brief is complete when none of these is empty (`missing_fields` lists those that are)."""


class StudioConfig(BaseModel):
    model_config = ANSWER

    storyboard: StoryboardRules = Field(default_factory=StoryboardRules)
    brief: BriefRules = Field(default_factory=BriefRules)
    script: ScriptRules = Field(default_factory=ScriptRules)
    formats: list[AdFormat] = Field(default_factory=lambda: list(get_args(AdFormat)))
    """Shapes an ad can be composed in; the first is the default."""
    auth_enabled: bool = False
    """Accounts are on: sign in (`POST /api/auth/login`) and send the token with every request."""
