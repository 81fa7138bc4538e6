"""Lay the words over the composed ad: the frames that carry words encoded, the rest copied.

The composer makes the ad without words (`app.ffmpeg.compose.compose_ad`): its
scenes' bodies are copied clips and start and end on keyframes. Here each scene that carries a
caption, a title or the end card is cut out of it between keyframes, burned and encoded once
with the clips' settings; every other frame (crossfades, scenes without words) is copied packet
for packet; the pieces and the ad's sound are joined by stream copy. An ad composed the slow
way has keyframes only where its segments begin, so a scene's words may take its crossfade
along into the encode: still correct, a little more work.

The other formats are reframed from the ad without words, each with its own script burned in
at its own size (`app.words.burn.reframe_words_args`), in one run as before.
"""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import Mapping, Sequence
from pathlib import Path

from app.config import FFmpegSettings
from app.ffmpeg.args import HEIGHT, WIDTH, Encoding, mux_args
from app.ffmpeg.formats import VERTICAL, format_size
from app.ffmpeg.inputs import ConcatInput, FileInput, concat_list
from app.ffmpeg.probe import media_input, open_forced
from app.ffmpeg.runner import run_ffmpeg
from app.ffmpeg.sniff import sniff_file
from app.ffmpeg.stitch import copy_frames
from app.ffmpeg.timing import FPS, TOTAL_SECONDS
from app.providers.base import ProgressCallback
from app.storage.partials import partial_path, temp_dir
from app.words.ass import ass_document
from app.words.burn import Burn, burn_range_args, reframe_words_args
from app.words.fonts import FontSetup, prepare_fonts
from app.words.layout import layout_for
from app.words.plan import WordsPlan


def keyframe_frames(source: Path, fps: int = FPS) -> tuple[list[int], int]:
    """The frame numbers of `source`'s keyframes, and its frame count (blocking, no decode)."""
    container = sniff_file(source)
    if container is None:
        raise ValueError("not a container we read")
    keys, count = [], 0
    with open_forced(source, container) as media:
        stream = media.streams.video[0]
        tick = stream.time_base
        if tick is None:
            raise ValueError("the video stream has no time base")
        for packet in media.demux(stream):
            if packet.pts is None:
                continue
            count += 1
            if packet.is_keyframe:
                keys.append(round(packet.pts * tick * fps))
    return sorted(keys), count


def keyframe_spans(
    spans: Sequence[tuple[int, int]], keys: Sequence[int], total: int
) -> list[tuple[int, int]]:
    """Each span widened to the keyframes around it (the end to the ad's end if none follows),
    overlapping ones merged. Pure."""
    widened: list[tuple[int, int]] = []
    for start, end in spans:
        first = max((k for k in keys if k <= start), default=0)
        last = min((k for k in keys if k >= end), default=total)
        if widened and first <= widened[-1][1]:
            widened[-1] = (widened[-1][0], max(last, widened[-1][1]))
        else:
            widened.append((first, last))
    return widened


def _burn_for(plan: WordsPlan, fonts: FontSetup, workdir: Path, name: str, w: int, h: int) -> Burn:
    layout = layout_for(w, h)
    script = workdir / f"words-{name.replace(':', 'x')}.ass"
    text = ass_document(
        layout, fonts.family, fonts.bold, plan.cues, plan.titles, plan.card, plan.accent
    )
    script.write_text(text, encoding="utf-8")
    card = (plan.card.start, plan.card.end) if plan.card and plan.logo else None
    return Burn(script=script, fonts=fonts.folder, layout=layout, card=card)


def prepare_burns(
    plan: WordsPlan, workdir: Path, names: Sequence[str], width: int, height: int
) -> tuple[FontSetup, dict[str, Burn], FileInput | None]:
    """Fonts, one script per format and the logo as FFmpeg may read it (blocking)."""
    fonts = prepare_fonts(workdir, plan.font)
    burns = {
        name: _burn_for(plan, fonts, workdir, name, *format_size(name, width, height))
        for name in names
    }
    logo = media_input(plan.logo, "image", "The logo")[0] if plan.card and plan.logo else None
    return fonts, burns, logo


async def burn_words(
    ad: Path,
    outputs: Mapping[str, Path],
    plan: WordsPlan,
    settings: FFmpegSettings,
    on_progress: ProgressCallback | None = None,
    width: int = WIDTH,
    height: int = HEIGHT,
) -> None:
    """Write the composed `ad` (without words) with `plan`'s words in every format of
    `outputs` (format → file; 9:16 from `ad` by copy and burned spans, the others reframed)."""
    workdir = await asyncio.to_thread(temp_dir, ad.parent, "words")
    report = on_progress or (lambda _: None)
    others = {name: out for name, out in outputs.items() if name != VERTICAL}
    share = 1 / (1 + len(others)) if VERTICAL in outputs else 0.0
    try:
        fonts, burns, logo = await asyncio.to_thread(
            prepare_burns, plan, workdir, list(outputs), width, height
        )
        encoding = Encoding(preset=settings.preset, crf=settings.crf)
        if VERTICAL in outputs:
            await _vertical(
                ad, outputs[VERTICAL], plan, burns[VERTICAL], logo, fonts, workdir, encoding,
                settings, lambda f: report(share * f),
            )  # fmt: skip
        if others:
            await _reframed(ad, others, burns, logo, fonts, settings, width, height,
                            lambda f: report(share + (1 - share) * f))  # fmt: skip
    finally:
        await asyncio.to_thread(shutil.rmtree, workdir, True)
    report(1.0)


async def _vertical(
    ad: Path,
    out: Path,
    plan: WordsPlan,
    burn: Burn,
    logo: FileInput | None,
    fonts: FontSetup,
    workdir: Path,
    encoding: Encoding,
    settings: FFmpegSettings,
    report: ProgressCallback,
) -> None:
    keys, total = await asyncio.to_thread(keyframe_frames, ad)
    spans = keyframe_spans(plan.spans, keys, total)
    source = FileInput(ad, "mov")
    pieces: list[Path] = []
    cursor, done, encoded = 0, 0, sum(end - start for start, end in spans)
    for index, (start, end) in enumerate([*spans, (total, total)]):
        if start > cursor:
            copied = workdir / f"copy-{index:02d}.mp4"
            await asyncio.to_thread(copy_frames, ad, cursor, start, FPS, copied)
            pieces.append(copied)
        if end > start:
            burned = workdir / f"words-{index:02d}.mp4"

            def advance(fraction: float, before: int = done, frames: int = end - start) -> None:
                report((before + fraction * frames) / max(1, encoded))

            await run_ffmpeg(
                burn_range_args(source, start, end, burn, logo, burned, encoding),
                settings,
                duration=(end - start) / FPS,
                on_progress=advance,
                failure="The words could not be laid over the ad",
                env=fonts.env(),
            )
            pieces.append(burned)
            done += end - start
        cursor = end
    listing = workdir / "pieces.txt"
    await asyncio.to_thread(listing.write_text, concat_list(pieces))
    partial = partial_path(out)
    try:
        await run_ffmpeg(
            mux_args(ConcatInput(listing), source, partial),
            settings,
            failure="The ad could not be put together",
        )
        await asyncio.to_thread(partial.replace, out)
    finally:
        await asyncio.to_thread(partial.unlink, missing_ok=True)


async def _reframed(
    ad: Path,
    outputs: Mapping[str, Path],
    burns: Mapping[str, Burn],
    logo: FileInput | None,
    fonts: FontSetup,
    settings: FFmpegSettings,
    width: int,
    height: int,
    report: ProgressCallback,
) -> None:
    partials = {name: partial_path(out) for name, out in outputs.items()}
    try:
        await run_ffmpeg(
            reframe_words_args(
                FileInput(ad, "mov"),
                [(name, partial, burns[name]) for name, partial in partials.items()],
                logo,
                Encoding(preset=settings.formats_preset, crf=settings.crf),
                width,
                height,
                round(TOTAL_SECONDS * FPS),
            ),
            settings,
            duration=TOTAL_SECONDS,
            on_progress=report,
            failure="The ad could not be made in the other formats",
            env=fonts.env(),
        )
        for name, partial in partials.items():
            await asyncio.to_thread(partial.replace, outputs[name])
    finally:
        for partial in partials.values():
            await asyncio.to_thread(partial.unlink, missing_ok=True)
