"""The embedded voices: Piper's neural voice, with Debian's espeak-ng as a fallback.

Both engines are GPL-3.0 programs, so Reelsmith (MIT) never imports them: each line is spoken
by a separate process (`python -m piper`, `espeak-ng`) that reads the text on stdin and writes
a WAV file. The Piper voice itself (`en_US-joe-medium`, CC0) comes as a wheel from PyPI.
"""

from app.providers.local.voice.provider import LocalVoiceProvider

__all__ = ["LocalVoiceProvider"]
