"""The whole product on the embedded providers: what a newcomer gets with no keys."""

from __future__ import annotations

import os
from pathlib import Path

import av
import pytest

from tests.conftest import BASE_URL, ClientFactory
from tests.utils.assertions import EXAMPLES, assert_is_the_final_ad
from tests.utils.cli import assert_rendered, embedded_env, render
from tests.utils.walkthrough import make_an_ad


@pytest.mark.slow
@pytest.mark.anyio
async def test_every_endpoint_in_order_makes_a_real_ad(
    api: ClientFactory, media_root: Path
) -> None:
    async with api() as client:
        ad = await make_an_ad(client)
    final = ad.final
    assert final["status"] == "complete", final
    assert_is_the_final_ad(media_root / final["final_video_url"].removeprefix(f"{BASE_URL}/media/"))


@pytest.mark.slow
@pytest.mark.timeout(600)  # a whole ad in two formats: a minute, several on a busy machine
def test_the_cli_renders_an_example_brief(tmp_path: Path) -> None:
    out = tmp_path / "ad.mp4"
    formats = ("--format", "9:16", "--format", "4:5")
    env = embedded_env(tmp_path / "media")
    result = render(EXAMPLES / "energy-drink.json", "-o", str(out), *formats, env=env)
    assert_rendered(result, out)
    assert result.stdout.strip() == str(out.resolve())
    # Without a terminal the progress bar prints its final state, then a one-line summary.
    assert "100%" in result.stderr
    assert "scenes · 30.0 s" in result.stderr
    with av.open(str(tmp_path / "ad-4x5.mp4")) as portrait:
        video = portrait.streams.video[0]
        assert (video.width, video.height, video.frames) == (1080, 1350, 900)
        assert portrait.duration / av.time_base == pytest.approx(30.0, abs=1 / 30)


def test_the_cli_explains_a_bad_brief(tmp_path: Path) -> None:
    bad = tmp_path / "brief.json"
    bad.write_text('{"target_audience": "nobody"}')
    result = render(bad, env=os.environ, timeout=60)
    assert result.returncode == 2
    assert "product_name" in result.stderr


def test_every_example_brief_is_valid() -> None:
    from app.cli import load_brief

    examples = sorted(EXAMPLES.glob("*.json"))
    assert len(examples) >= 3
    names = {load_brief(path).product_name for path in examples}
    assert len(names) == len(examples)
