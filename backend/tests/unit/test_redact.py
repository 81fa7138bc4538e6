from __future__ import annotations

import pytest

from app.redact import redact


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Download of https://replicate.delivery/x/out.mp4?sig=1 failed.", "Download of a URL failed."),
        ("Could not reach http://10.0.0.7:8080/v1.", "Could not reach a URL."),
        ("Connection to 10.0.0.7:8080 refused.", "Connection to an address refused."),
        ("Connection to [::1]:9000 refused.", "Connection to an address refused."),
        ("No such file: '/srv/reelsmith/media/clips/a.mp4'", "No such file: 'a file'"),
        ("FFmpeg failed on /tmp/.compose-1/x.wav.", "FFmpeg failed on a file."),
        ("There is no endpoint at this address; /docs lists them all.", None),
        ("A media key is a relative path like clips/name.mp4.", None),
        ("No media file at 'clips/3f2a.mp4'.", None),
        ("Job 3f2a has no scene [7].", None),
        ("1 of 5 clips failed (scene 2: the model refused; and/or timed out).", None),
    ],
)  # fmt: skip
def test_urls_addresses_and_paths_become_words(text: str, said: str | None) -> None:
    assert redact(text) == (said if said is not None else text)
