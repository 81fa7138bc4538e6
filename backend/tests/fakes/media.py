"""Small but genuine media files, as a model would return them: PNG, MP4 (H.264) and WAV."""

from __future__ import annotations

import hashlib
import io
import subprocess
import tempfile
import wave
from functools import lru_cache
from pathlib import Path

import numpy as np
from PIL import Image

from app.ffmpeg.binary import ffmpeg_path


def colour_for(text: str) -> tuple[int, int, int]:
    digest = hashlib.sha256(text.encode()).digest()
    return digest[0], digest[1], digest[2]


def png(width: int, height: int, text: str, fmt: str = "PNG") -> bytes:
    """A two-tone frame whose colours follow `text`, so different prompts look different."""
    image = Image.new("RGB", (width, height), colour_for(text))
    band = Image.new("RGB", (width, height // 3), colour_for(text[::-1]))
    image.paste(band, (0, height // 3))
    buffer = io.BytesIO()
    image.save(buffer, format=fmt)
    return buffer.getvalue()


def png_with(reference: bytes, width: int, height: int, text: str, fmt: str = "PNG") -> bytes:
    """A frame like `png`'s with the reference image standing in its middle, as an editing
    model keeps the product it was shown."""
    frame = Image.open(io.BytesIO(png(width, height, text))).convert("RGB")
    with Image.open(io.BytesIO(reference)) as product:
        product = product.convert("RGB")
        product.thumbnail((width // 2, height // 2))
        frame.paste(product, ((width - product.width) // 2, (height - product.height) // 2))
    buffer = io.BytesIO()
    frame.save(buffer, format=fmt)
    return buffer.getvalue()


@lru_cache(maxsize=16)
def mp4(seconds: int, width: int = 144, height: int = 256, fps: int = 24) -> bytes:
    """An H.264 clip of moving test pattern, as long as asked (cached: clips repeat)."""
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "clip.mp4"
        subprocess.run(
            [
                ffmpeg_path(), "-v", "error", "-y",
                "-f", "lavfi", "-i", f"testsrc2=s={width}x{height}:r={fps}:d={seconds}",
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", str(out),
            ],
            check=True,
        )  # fmt: skip
        return out.read_bytes()


@lru_cache(maxsize=4)
def wav(seconds: int, rate: int = 32000) -> bytes:
    """Stereo 16-bit PCM, a soft chord, at MusicGen's 32 kHz."""
    t = np.arange(int(seconds * rate)) / rate
    chord = sum(np.sin(2 * np.pi * f * t) for f in (220.0, 277.2, 329.6)) / 3
    samples = (0.3 * chord * 32767).astype("<i2")
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as sink:
        sink.setnchannels(2)
        sink.setsampwidth(2)
        sink.setframerate(rate)
        sink.writeframes(np.repeat(samples[:, None], 2, axis=1).tobytes())
    return buffer.getvalue()


GARBAGE = bytes(range(256)) * 64
"""What a broken CDN or a model writing noise might hand back: not an image, video or audio."""
