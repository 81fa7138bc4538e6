"""The ad's words laid over each clip as it is rendered, when they are known before the clips.

The pipeline speaks the lines before it renders the clips, so it knows every caption, title and
the end card up front: each clip then carries its own frames' words from the pass that renders
it (`app.ffmpeg.overlay`), and the composer copies its body as it is. Burning them at compose
time instead renders each body once in the clip and encodes it a second time with the words
(measured on the bench's ad: 9.4 CPU-s of the pipeline's 43).

The clip's frame n is the ad's frame `first + n` (`app.ffmpeg.timing`), so the 9:16 script of
the whole ad is burned with that offset: a clip's head and tail lie under crossfades, where no
word ever is (`app.words.titles`), so only its body carries words, exactly those it shows in
the ad. Each clip's overlay has a digest of what it draws and where; the composer compares it
with the one the ad needs before it trusts the clip's frames.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from app.ffmpeg.args import HEIGHT, WIDTH
from app.ffmpeg.formats import VERTICAL
from app.ffmpeg.inputs import FileInput
from app.ffmpeg.overlay import IN_LABEL, OUT_LABEL, Overlay
from app.ffmpeg.timing import FPS, ClipCut, scene_frames
from app.words.burn import Burn, words_graph
from app.words.plan import WordsPlan
from app.words.render import prepare_burns


def _file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _words_digest(burn: Burn, logo: FileInput | None) -> str:
    """What the script draws, in which font and with which logo (blocking: reads them)."""
    parts = [_file_digest(burn.script)]
    parts += [_file_digest(font) for font in sorted(burn.fonts.iterdir()) if font.is_file()]
    parts.append(_file_digest(logo.path) if logo else "")
    parts.append(repr(burn.card))
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def clip_digests(
    plan: WordsPlan,
    durations: Sequence[float],
    workdir: Path,
    width: int = WIDTH,
    height: int = HEIGHT,
) -> list[str]:
    """Each clip's words digest for an ad of scenes of `durations` (blocking; files in
    `workdir`)."""
    burn, logo, _ = _vertical(plan, workdir, width, height)
    words = _words_digest(burn, logo)
    starts = _starts(durations)
    return [_digest(words, first) for first in starts]


def clip_overlays(
    plan: WordsPlan,
    durations: Sequence[float],
    cuts: Sequence[ClipCut],
    workdir: Path,
    width: int = WIDTH,
    height: int = HEIGHT,
) -> list[Overlay]:
    """Each clip's words as an overlay for its render (blocking; the script, fonts and their
    configuration are written to `workdir`, which must outlive the renders)."""
    burn, logo, env = _vertical(plan, workdir, width, height)
    words = _words_digest(burn, logo)
    overlays = []
    for first, cut in zip(_starts(durations), cuts, strict=True):
        shows_card = burn.card is not None and burn.card[0] < first + cut.length
        own = burn if shows_card else replace(burn, card=None)
        logo_label = "1:v:0" if logo and shows_card else None
        graph = words_graph(own, IN_LABEL, OUT_LABEL, first, cut.length, logo_label, FPS)
        overlays.append(
            Overlay(
                graph=graph,
                inputs=(logo,) if logo and shows_card else (),
                env=env,
                digest=_digest(words, first),
            )
        )
    return overlays


def _vertical(
    plan: WordsPlan, workdir: Path, width: int, height: int
) -> tuple[Burn, FileInput | None, tuple[tuple[str, str], ...]]:
    fonts, burns, logo = prepare_burns(plan, workdir, [VERTICAL], width, height)
    return burns[VERTICAL], logo, tuple(fonts.env().items())


def _starts(durations: Sequence[float]) -> list[int]:
    """The ad's frame at each clip's first frame."""
    starts, elapsed = [], 0
    for frames in scene_frames(durations):
        starts.append(elapsed)
        elapsed += frames
    return starts


def _digest(words: str, first: int) -> str:
    return hashlib.sha256(f"{words}@{first}".encode()).hexdigest()[:32]
