"""`reelsmith render` with both keys set: `auto` picks GPT-4o and Replicate (faked here)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.fakes.openai_api import API_KEY, LINES, FakeOpenAI
from tests.fakes.replicate_api import TOKEN, FakeReplicate
from tests.utils.assertions import EXAMPLES
from tests.utils.cli import assert_rendered, render

CAPABILITIES = (
    "DIRECTOR_PROVIDER",
    "IMAGE_PROVIDER",
    "MOTION_PROVIDER",
    "MUSIC_PROVIDER",
    "VOICE_PROVIDER",
)


@pytest.mark.slow
def test_the_cli_renders_an_ad_with_the_sdk_clients_own_variables(
    tmp_path: Path, fake_openai: FakeOpenAI, fake_replicate: FakeReplicate
) -> None:
    out = tmp_path / "ad.mp4"
    env = {name: value for name, value in os.environ.items() if name not in CAPABILITIES}
    env.update(
        MEDIA_ROOT=str(tmp_path / "media"),
        OPENAI_API_KEY=API_KEY,
        OPENAI_BASE_URL=f"{fake_openai.origin}/v1",
        REPLICATE_API_TOKEN=TOKEN,
        REPLICATE_BASE_URL=f"{fake_replicate.origin}/v1",  # the trailing /v1 people write
        REPLICATE_POLL_INTERVAL="0.02",
        FETCH_ALLOWED_HOSTS="127.0.0.1",  # the fake serves its outputs on loopback
        FFMPEG_PRESET="ultrafast",
    )
    result = render(EXAMPLES / "serum.json", "-o", str(out), env=env)
    assert_rendered(result, out)
    # 12 mood images + 6 seeds + 6 clips + 1 track on Replicate, and moods + plan + the six
    # scenes' voiceover lines on OpenAI.
    assert "33 provider calls" in result.stderr
    assert "estimated cost $1.5" in result.stderr
    assert len(fake_replicate.created("kwaivgi/kling-v2.1")) == 6
    assert len(fake_openai.requests) == 2
    spoken = fake_openai.speech_requests
    assert sorted(r["input"] for r in spoken) == sorted(LINES)
    assert {r["model"] for r in spoken} == {"gpt-4o-mini-tts"}
    assert all("elegant" in r["instructions"] for r in spoken)
