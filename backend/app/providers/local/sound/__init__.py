"""Offline music synthesis for the local music provider, in numpy only.

style.py        tone words → MusicStyle (tempo, mode, key, instruments)
theory.py       scales, chords, progressions, voice leading
timeline.py     bars, sections and the sixteenth grid fitted to the duration
melody.py, parts.py, grooves.py   the lead, the accompaniment, the drums
arrange.py      which parts play when → notes and hits
oscillators.py, instruments.py, drums.py   the sounds
filters.py, effects.py, master.py   tone, space, loudness
render.py       arrangement → mastered stereo buffer
wav.py          16-bit PCM WAV output
"""

from app.providers.local.sound.oscillators import SAMPLE_RATE
from app.providers.local.sound.render import render_music
from app.providers.local.sound.style import MusicStyle, style_for
from app.providers.local.sound.wav import write_wav

__all__ = ["SAMPLE_RATE", "MusicStyle", "render_music", "style_for", "write_wav"]
