"""The four capabilities a reel needs, each as one small Protocol.

Specs are frozen dataclasses so the same spec always describes the same asset; every provider
must be deterministic for a given `seed` where its backend allows it (the local ones always).
Providers write their output to the path they are given and return it; the caller owns the
path: a partial name in the media store, renamed into place once the call has returned, or
removed if it raised (see `MediaStore.batch`). So a provider writes `out` directly, and names
any scratch file of its own with `app.storage.partials.partial_path`. Providers raise
`app.errors.ReelsmithError` subclasses (`ProviderError` when a model or service fails,
`RenderError` when a local render does), never SDK exceptions, and never block the event loop:
CPU work goes to a thread or a subprocess.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, runtime_checkable

from app.ffmpeg.overlay import Overlay
from app.models.chat import ChatMessage
from app.models.creative_brief import BriefFields, CreativeBrief
from app.models.mood import MoodDirection, MoodStyle
from app.models.scene import CameraMove, ScenePlan

ProgressCallback = Callable[[float], None]
"""Called with the fraction done, 0.0 to 1.0, as work advances."""


@runtime_checkable
class Director(Protocol):
    """The creative director: talks with the marketer and plans the ad."""

    name: str

    def reply(
        self,
        messages: list[ChatMessage],
        current: BriefFields | None = None,
        updated: BriefFields | None = None,
    ) -> AsyncIterator[str]:
        """Stream the next assistant turn, chunk by chunk.

        `current` is the brief the studio showed when the latest message was sent (fields the
        user typed by hand included); `updated` is what `synthesize_brief` made of that message.
        The reply acknowledges only what changed between the two, never a change `updated`
        does not contain."""
        ...

    async def synthesize_brief(
        self, messages: list[ChatMessage], current: BriefFields | None = None
    ) -> BriefFields:
        """Everything the conversation has settled so far; unknown fields stay empty. Given the
        brief the studio shows (`current`), start from it: a field changes only when the latest
        user message asks for it."""
        ...

    async def propose_moods(
        self, brief: CreativeBrief, count: int, avoid: Sequence[str] = ()
    ) -> list[MoodDirection]:
        """`count` clearly distinct style directions for the brief; `avoid` names directions the
        user has already seen and asked to replace, so a new set offers new ideas."""
        ...

    async def plan_scenes(self, brief: CreativeBrief, mood: MoodStyle) -> ScenePlan:
        """5–7 scenes shaped like an ad, durations summing to exactly 30 s."""
        ...


@dataclass(frozen=True)
class ImageSpec:
    prompt: str
    """The full natural-language prompt, as a text-to-image model reads it."""
    subject: str
    """The shot itself (a scene description or a mood's shot idea)."""
    style_keywords: tuple[str, ...]
    palette: tuple[str, ...]
    """Hex colours, most important first."""
    width: int
    height: int
    seed: int
    caption: str | None = None
    """Words to letter onto the image (the product name on the closing scene), if any."""
    tone: tuple[str, ...] = ()
    """The brief's emotional tone, for lighting and contrast."""
    context: str = ""
    """Words about the whole ad (every scene, the product), so that a shot whose own words name
    no product still shows the ad's product rather than a guess."""
    product: str = ""
    """What the product is, from the brief alone (its name and description): the painter draws
    a model of it only when these words name a kind of thing it can draw."""
    product_photos: tuple[Path, ...] = ()
    """Cut-outs of the user's product (PNG with alpha, in our store), first one first: when
    given, every shot that shows the product shows these, never a drawn model."""
    font: str | None = None
    """A brand font we ship (`app.fonts`) for lettering, if the brief names one."""


class ImageProvider(Protocol):
    name: str

    async def generate(self, spec: ImageSpec, out: Path) -> Path:
        """Write one image (PNG unless `out` says otherwise) and return its path."""
        ...


@dataclass(frozen=True)
class RemoteRun:
    """How a job follows a remote prediction across restarts; local providers ignore it.

    `created` is called with the prediction's id as soon as the create answers (the job
    checkpoints it); `resume_id`, when set, is a prediction an earlier process created for this
    same clip: the provider re-attaches to it (polls it on) instead of creating another.
    `keep_on_shutdown()` says, when the wait is cancelled, whether the process is shutting down
    with this prediction checkpointed, so that it is left running for the next start to
    re-attach to rather than canceled and paid for again.
    """

    created: Callable[[str], None] = field(default=lambda _id: None)
    resume_id: str | None = None
    keep_on_shutdown: Callable[[], bool] = field(default=lambda: False)


@dataclass(frozen=True)
class MotionSpec:
    image: Path
    """The scene's seed image."""
    duration: float
    """Seconds the clip must run (scene duration plus the crossfade tail)."""
    prompt: str
    camera_move: CameraMove
    seed: int
    width: int = 1080
    height: int = 1920
    fps: int = 30
    keyframes: tuple[int, ...] = (0,)
    """Frames that must be keyframes (IDRs), for a provider that renders in the ad's normal
    form (`app.ffmpeg.form`); the others ignore it and their clips are normalised after."""
    remote: RemoteRun | None = field(default=None, compare=False)
    """For a remote provider: the job's hook on its prediction (see `RemoteRun`)."""
    overlay: Overlay | None = None
    """The ad's words over this clip, for a provider that renders in the normal form (only
    such a provider is given one)."""


class MotionProvider(Protocol):
    name: str

    async def animate(
        self, spec: MotionSpec, out: Path, on_progress: ProgressCallback | None = None
    ) -> Path:
        """Turn the still into an H.264 MP4 clip at `out` and return its path."""
        ...


@dataclass(frozen=True)
class MusicSpec:
    duration: float
    emotional_tone: tuple[str, ...]
    style_keywords: tuple[str, ...]
    seed: int
    prompt: str = ""
    """A text description for music models that read one."""
    extra: dict[str, str] = field(default_factory=dict)
    remote: RemoteRun | None = field(default=None, compare=False)
    """For a remote provider: the job's hook on its prediction (see `RemoteRun`)."""


class MusicProvider(Protocol):
    name: str

    async def compose(self, spec: MusicSpec, out: Path) -> Path:
        """Write a music track of `spec.duration` seconds at `out` and return its path."""
        ...


@dataclass(frozen=True)
class SpeechSpec:
    text: str
    """One line, said as written."""
    voice: str = ""
    """One of the provider's `voices`; empty: its default."""
    tone: tuple[str, ...] = ()
    """The brief's emotional tone, for providers that take directions."""
    seed: int = 0


class VoiceProvider(Protocol):
    name: str
    voices: tuple[str, ...]
    """Voice names this provider speaks with, the default first."""

    async def speak(self, spec: SpeechSpec, out: Path) -> Path:
        """Write the line, spoken, as a WAV file at `out` and return its path."""
        ...
