"""Our roles onto a model's inputs, and the durations and ratios a model accepts."""

from __future__ import annotations

import pytest

from app.config_models import ImageModel, InputRole, MotionModel, MusicModel
from app.providers.remote.model_inputs import (
    aspect_ratio,
    build_input,
    choose_duration,
    output_urls,
)


def test_mapped_roles_are_sent_under_the_models_names_with_its_extras() -> None:
    values = {
        InputRole.PROMPT: "a bottle",
        InputRole.IMAGE: "data:image/jpeg;base64,AA",
        InputRole.DURATION: 5,
        InputRole.SEED: 3,
    }
    assert build_input(MotionModel(), values) == {
        "mode": "standard",
        "negative_prompt": "text, watermark, logo distortion, blur, low quality",
        "prompt": "a bottle",
        "start_image": "data:image/jpeg;base64,AA",
        "duration": 5,
    }  # Kling takes no seed: unmapped roles are not sent


def test_roles_without_a_value_are_left_out_and_extras_can_be_overridden_by_a_role() -> None:
    model = ImageModel(
        inputs={InputRole.PROMPT: "prompt", InputRole.SEED: "seed"},
        extra={"prompt": "x", "steps": 4},
    )
    assert build_input(model, {InputRole.PROMPT: "a bottle", InputRole.SEED: None}) == {
        "prompt": "a bottle",
        "steps": 4,
    }


@pytest.mark.parametrize(
    ("wanted", "allowed", "shortfall", "chosen"),
    [
        (5.5, [5, 10], 1.0, 5),  # half a second held: cheaper than 10 s
        (4.5, [5, 10], 1.0, 5),
        (6.5, [5, 10], 1.0, 10),  # 1.5 s short would show: the longer clip
        (6.0, [5, 10], 1.0, 5),
        (12.0, [5, 10], 1.0, 10),  # longer than any: the longest
        (5.5, [5, 10], 0.0, 10),
        (30.0, [], 0.0, 30),  # any whole second
        (29.2, [], 0.0, 30),
        (7.5, [2.5, 7.5], 0.0, 7.5),
    ],
)
def test_the_duration_asked_for(
    wanted: float, allowed: list[float], shortfall: float, chosen: float
) -> None:
    result = choose_duration(wanted, allowed, shortfall)
    assert result == chosen
    assert isinstance(result, int) == float(chosen).is_integer()


@pytest.mark.parametrize(
    ("size", "allowed", "ratio"),
    [
        ((1080, 1920), [], "9:16"),
        ((720, 1280), ["1:1", "9:16"], "9:16"),
        ((1080, 1920), ["1:1", "2:3", "4:5"], "2:3"),  # the nearest in shape
        ((1920, 1080), ["1:1", "21:9", "3:2"], "3:2"),
        ((1000, 1000), ["bad", "1:1"], "1:1"),
    ],
)
def test_the_aspect_ratio_sent(size: tuple[int, int], allowed: list[str], ratio: str) -> None:
    assert aspect_ratio(*size, allowed) == ratio


@pytest.mark.parametrize(
    ("output", "urls"),
    [
        ("https://replicate.delivery/a.mp4", ["https://replicate.delivery/a.mp4"]),
        (["https://r/1.png", "https://r/2.png"], ["https://r/1.png", "https://r/2.png"]),
        ({"video": "https://r/v.mp4", "fps": 24}, ["https://r/v.mp4"]),
        ("a caption, not a file", []),
        (None, []),
        ([], []),
    ],
)
def test_output_urls_are_found_wherever_the_model_puts_them(
    output: object, urls: list[str]
) -> None:
    assert output_urls(output) == urls


def test_every_default_model_maps_a_prompt() -> None:
    for model in (ImageModel(), MotionModel(), MusicModel()):
        assert model.inputs[InputRole.PROMPT] == "prompt"
    assert MusicModel().version is not None and MotionModel().version is None
    assert MusicModel().owner_name == "meta/musicgen"
