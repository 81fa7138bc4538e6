"""What paid work will cost before it starts, with the providers this process runs.

A remote provider quotes from the same price table and arithmetic it bills with
(`app.providers.remote.pricing`); a provider without a `quote` (every local one) costs
nothing. The clip step asks the motion model for the same lengths `clip_service` does, and
the compose step speaks the same words `voice_service` does, so an estimate matches the
bill whenever the provider bills what was asked for (motion, voice); GPU-time prices
(MusicGen) are estimates of an estimate.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from app.errors import InvalidRequest, JobNotFound
from app.ffmpeg.timing import FPS, clip_cuts, clip_lengths
from app.models.common import TOTAL_DURATION
from app.models.cost import CostLine
from app.models.scene import Scene
from app.models.video import ComposeRequest, JobStatus
from app.providers.remote.pricing import Estimate
from app.services.composition_service import ComposeJobDeps
from app.services.script_service import WordsOptions, chosen_voice
from app.utils.job_tracker import JobTracker

CLIPS = "clips"
COMPOSE = "compose"


class _Named(Protocol):
    name: str


def _quote(provider: _Named, *args: object) -> Estimate | None:
    quote = getattr(provider, "quote", None)
    return quote(*args) if quote is not None else None


def _line(step: str, capability: str, provider: _Named, quotes: list[Estimate | None]) -> CostLine:
    paid = [quote for quote in quotes if quote is not None]
    return CostLine(
        step=step,
        capability=capability,
        provider=provider.name,
        units=sum(quote.units for quote in paid),
        unit=paid[0].unit if paid else "run",
        estimated_usd=round(sum(quote.usd for quote in paid), 6),
    )


def motion_seconds(durations: Sequence[float]) -> list[float]:
    """The length each clip is asked of the motion model, as `clip_service.run_clip_job`
    asks it: the clip's exact frames when the storyboard can be cut, its length otherwise."""
    if not durations:
        return []
    lengths = clip_lengths(list(durations))
    try:
        return [cut.length / FPS for cut in clip_cuts(list(durations))]
    except InvalidRequest:
        return list(lengths)


def clips_cost(motion: _Named, scenes: Sequence[Scene]) -> CostLine:
    return seconds_cost(motion, motion_seconds([scene.duration for scene in scenes]))


def seconds_cost(motion: _Named, seconds: Sequence[float]) -> CostLine:
    """Clips of these lengths (`motion_seconds`), one prediction each."""
    return _line(CLIPS, "motion", motion, [_quote(motion, s) for s in seconds])


def compose_cost(
    music: _Named,
    voice: _Named | None,
    lines: Sequence[str],
    options: WordsOptions,
    default_voice: str,
) -> list[CostLine]:
    """Music, and the voiceover when a voice would speak (`script_service.will_speak`)."""
    costs = [_line(COMPOSE, "music", music, [_quote(music, float(TOTAL_DURATION))])]
    said = [" ".join(line.split()) for line in lines if line.strip()]
    if voice is not None and said and chosen_voice(options, default_voice) is not None:
        costs.append(_line(COMPOSE, "voice", voice, [_quote(voice, text) for text in said]))
    return costs


def total(lines: Sequence[CostLine], step: str | None = None) -> float:
    return round(sum(line.estimated_usd for line in lines if step in (None, line.step)), 6)


def compose_request_cost(deps: ComposeJobDeps, request: ComposeRequest) -> list[CostLine]:
    return compose_cost(
        deps.music,
        deps.voice,
        [clip.voiceover for clip in request.clips],
        WordsOptions(request.voice, request.captions, request.call_to_action),
        deps.default_voice,
    )


def retry_cost(
    jobs: JobTracker, motion: _Named, job_id: str, scene_numbers: Sequence[int]
) -> float:
    """The clips a retry would render again (the chosen ones, or the failed ones); an unknown
    job costs nothing here, since the retry itself says why it cannot run."""
    try:
        previous = jobs.get(job_id)
    except JobNotFound:
        return 0.0
    wanted = set(scene_numbers) or {
        clip.scene_number for clip in previous.clips if clip.status is JobStatus.FAILED
    }
    seconds = motion_seconds([scene.duration for scene in previous.scenes])
    chosen = [
        length
        for scene, length in zip(previous.scenes, seconds, strict=True)
        if scene.scene_number in wanted
    ]
    return seconds_cost(motion, chosen).estimated_usd
