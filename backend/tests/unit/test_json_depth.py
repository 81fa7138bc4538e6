from __future__ import annotations

import json

import pytest

from app.request_limits import json_depth


@pytest.mark.parametrize(
    ("body", "depth"),
    [
        (b"", 0),
        (b"42", 0),
        (b"[]", 1),
        (b'{"a": [1, {"b": []}], "c": {}}', 4),
        (b'{"text": "[[[[[[[[[[{{{{{{{{"}', 1),  # brackets in strings do not nest
        (b'{"text": "a \\" [[[[ \\\\", "n": [[1]]}', 3),  # nor after escaped quotes
        (b'["\\\\"]', 1),
        (b"[" * 5000 + b"]" * 5000, 5000),
        (b"[" * 100, 100),  # unterminated: still as deep as it goes
        (b'["' + b"[" * 100, 1),  # an unterminated string swallows the rest
    ],
)
def test_depth_counts_arrays_and_objects_outside_strings(body: bytes, depth: int) -> None:
    assert json_depth(body) == depth


def test_depth_agrees_with_json_on_a_real_request() -> None:
    storyboard = {"scenes": [{"scene_number": 1, "keywords": ["a", "b"], "meta": {"x": [1]}}]}
    assert json_depth(json.dumps(storyboard).encode()) == 5


def test_a_string_full_of_escaped_quotes_is_measured_in_linear_time() -> None:
    # The shape that makes a naive string pattern retry from every quote: two megabytes of it.
    body = b'"' + b'\\"' * (1024 * 1024)
    assert json_depth(body) == 0
