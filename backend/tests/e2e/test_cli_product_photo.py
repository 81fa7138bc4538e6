"""`reelsmith render --product-photo ... --logo ...`: the user's product in the final ad, and
the words laid over each clip as it renders (9:16 alone). One render, checked for both."""

from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass
from pathlib import Path

import av
import pytest

from tests.utils.assertions import EXAMPLES
from tests.utils.cli import assert_rendered, embedded_env, render
from tests.utils.matching import best_match
from tests.utils.photos import encoded, pattern, product_photo


def _run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = embedded_env(tmp_path / "media", FFMPEG_PRESET="ultrafast")
    return render(EXAMPLES / "coffee.json", *args, env=env)


def test_a_photo_that_is_not_an_image_is_refused_before_anything_renders(tmp_path: Path) -> None:
    pdf = tmp_path / "catalogue.pdf"
    pdf.write_bytes(b"%PDF-1.7\n%%EOF\n")
    result = _run(tmp_path, "--product-photo", str(pdf), "-o", str(tmp_path / "ad.mp4"))
    assert result.returncode == 1
    assert "unsupported_image_type" in result.stderr and "PNG, JPEG or WebP" in result.stderr
    assert not (tmp_path / "ad.mp4").exists()
    assert not list((tmp_path / "media").rglob("*.png"))


@dataclass(frozen=True)
class Rendered:
    out: Path
    media: Path
    result: subprocess.CompletedProcess[str]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    """The coffee brief with a product photo and a logo, in 9:16 alone, spoken by the voice a
    newcomer has: rendered once for this module."""
    tmp_path = tmp_path_factory.mktemp("product")
    photo, logo = tmp_path / "mug.png", tmp_path / "logo.png"
    photo.write_bytes(encoded(product_photo()))
    logo.write_bytes(encoded(product_photo(200), "WEBP"))
    out = tmp_path / "ad.mp4"
    result = _run(tmp_path, "--product-photo", str(photo), "--logo", str(logo), "-o", str(out))
    return Rendered(out, tmp_path / "media", result)


@pytest.mark.slow
@pytest.mark.timeout(600)  # the first one renders the ad
def test_the_product_photo_is_in_the_frames_of_the_final_ad(rendered: Rendered) -> None:
    out = rendered.out
    assert_rendered(rendered.result, out)
    # One frame in the middle of each second's worth of scenes: the product shows in most of
    # them (camera moves may push it partly out of frame; crossfades halve it).
    inner = pattern().crop((35, 40, 77, 120))
    scores = []
    with av.open(str(out)) as container:
        for i, frame in enumerate(container.decode(video=0)):
            if i % 90 == 45:
                image = frame.to_image().reduce(4)
                scores.append(
                    max(
                        best_match(image, inner.resize((round(42 * s), round(80 * s))))
                        for s in (0.5, 0.65, 0.8, 1.0, 1.3)
                    )
                )
    assert sum(score > 0.6 for score in scores) >= len(scores) // 2, scores


@pytest.mark.slow
@pytest.mark.timeout(600)  # the first one renders the ad
def test_the_words_are_laid_over_each_clip_as_it_renders(rendered: Rendered) -> None:
    """9:16 alone: the lines are spoken before the clips, each clip carries its words from
    the pass that renders it, and the composer copies them (nothing is burned twice)."""
    assert_rendered(rendered.result, rendered.out)
    forms = [json.loads(path.read_text()) for path in rendered.media.rglob("*.form.json")]
    scenes = int(rendered.result.stderr.split(" scenes · ")[0].rsplit(" ", 1)[-1])
    assert len(forms) == scenes and all(form["words"] for form in forms), "every clip: words"
    assert not [p for p in rendered.media.iterdir() if p.name.startswith(".pipeline")]
