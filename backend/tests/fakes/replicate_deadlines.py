"""Replicate's `Cancel-After` header, read as the API documents it.

"The maximum time the prediction can run before it is automatically canceled. The lifetime is
measured from when the prediction is created." A duration with an optional unit suffix, `s`,
`m` or `h` (`30s`, `5m`, `2h30m`, combined as `1h30m45s`), seconds when there is none (`30`);
at least 5 seconds. Past it, a prediction that never started ends `aborted` (and is not billed),
one that was running ends `canceled`.
"""

from __future__ import annotations

import re

MIN_SECONDS = 5

_DURATION = re.compile(r"(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s?)?")


def parse_cancel_after(value: str) -> int | None:
    """Seconds, or None when the value is not a duration Replicate accepts."""
    text = value.strip()
    match = _DURATION.fullmatch(text)
    if not text or match is None or not any(match.groups()):
        return None
    hours, minutes, seconds = (int(group or 0) for group in match.groups())
    total = hours * 3600 + minutes * 60 + seconds
    return total if total >= MIN_SECONDS else None
