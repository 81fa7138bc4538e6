"""The offline music provider: a 30 s library-style cue synthesised from the brief's tone.

The tone words pick a style (tempo, key, mode, instruments; see `sound.style`), the seed picks
the progression, voicings and melody within it, and `sound.render` plays it with numpy alone.
Rendering takes well under a second, but it is CPU work, so it runs in a worker thread.
"""

from __future__ import annotations

from pathlib import Path

from app.errors import ProviderError
from app.providers.base import MusicSpec
from app.providers.local.sound import MusicStyle, render_music, style_for, write_wav
from app.utils.threads import run_to_end


def music_style(spec: MusicSpec) -> MusicStyle:
    """The style a spec will be played in; it depends on the words only, never on the seed."""
    return style_for(spec.emotional_tone, spec.style_keywords)


def render_to_file(spec: MusicSpec, out: Path) -> Path:
    """Synthesise `spec` and write it as 16-bit stereo 44.1 kHz WAV at `out` (blocking)."""
    if not spec.duration > 0:
        raise ProviderError(f"Cannot compose {spec.duration} s of music.")
    audio = render_music(music_style(spec), spec.duration, spec.seed)
    out.parent.mkdir(parents=True, exist_ok=True)
    write_wav(out, audio)  # a partial path of the media store's, renamed when whole
    return out


class LocalMusicProvider:
    name = "local"

    async def compose(self, spec: MusicSpec, out: Path) -> Path:
        return await run_to_end(render_to_file, spec, out)
