"""Finding a known picture inside a rendered one: normalised cross-correlation, by FFT."""

from __future__ import annotations

import numpy as np
from PIL import Image


def _grey(image: Image.Image) -> np.ndarray:
    return np.asarray(image.convert("L"), np.float64)


def best_match(image: Image.Image, template: Image.Image) -> float:
    """The highest normalised correlation (-1..1) of `template` at any place in `image`.

    Invariant to brightness and contrast, so a photo lit by the mood's light still matches.
    """
    f, t = _grey(image), _grey(template)
    th, tw = t.shape
    t = t - t.mean()
    norm_t = np.sqrt((t**2).sum())
    shape = (f.shape[0] + th, f.shape[1] + tw)
    corr = np.fft.irfft2(np.fft.rfft2(f, shape) * np.conj(np.fft.rfft2(t, shape)), shape)
    corr = corr[: f.shape[0] - th + 1, : f.shape[1] - tw + 1]

    # Local sums of f and f² over each window, from integral images.
    def windowed(a: np.ndarray) -> np.ndarray:
        s = np.pad(a.cumsum(0).cumsum(1), ((1, 0), (1, 0)))
        return s[th:, tw:] - s[:-th, tw:] - s[th:, :-tw] + s[:-th, :-tw]

    n = th * tw
    sums, squares = windowed(f), windowed(f**2)
    var = np.maximum(squares - sums**2 / n, 1e-9)
    score = corr / (np.sqrt(var) * norm_t + 1e-9)
    score[var < 1e-3 * n] = 0  # a flat window matches nothing
    return float(score.max())


def found(image: Image.Image, template: Image.Image, box: tuple[int, int, int, int]) -> float:
    """How well `template`, scaled as the painter placed the product (`box`), is in `image`."""
    x0, y0, x1, y1 = box
    scale = min((x1 - x0) / template.width, (y1 - y0) / template.height)
    # The inner half of the pattern: no edge pixels blended with the set.
    w, h = template.size
    inner = template.crop((w // 4, h // 4, w - w // 4, h - h // 4))
    size = (max(8, round(inner.width * scale)), max(8, round(inner.height * scale)))
    return best_match(image, inner.resize(size, Image.Resampling.BILINEAR))
