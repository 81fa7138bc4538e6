"""The last guard on every sentence a client reads: no URL, address or file path gets through.

Errors are written for people in the first place ("the motion model timed out"); this catches
the one that forgot, such as an exception text that quotes the URL it failed on.
"""

from __future__ import annotations

import re

# Each ends on a character that is not punctuation, so the sentence keeps its full stop.
_URL = re.compile(r"\b[a-zA-Z][a-zA-Z0-9+.-]*://[^\s'\"<>]*[^\s'\"<>.,;:!?)\]]")
_IP = re.compile(r"(?:\b\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-fA-F:.]*:[0-9a-fA-F:.]*\])(?::\d{1,5})?\b")
_PATH = re.compile(r"(?<![\w.~/-])(?:/[\w.@+~-]*[\w@+~-]){2,}/?")
"""An absolute path of two names or more: `/srv/media/x.mp4`, not `/docs` nor `clips/x.mp4`."""


def redact(text: str) -> str:
    text = _URL.sub("a URL", text)
    text = _IP.sub("an address", text)
    return _PATH.sub("a file", text)
