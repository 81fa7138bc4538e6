"""The painter shows the user's product: their photo in every product shot, never a wrong model."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from app.assets.cutout import cut_out
from app.models.creative_brief import CreativeBrief
from app.models.mood import MoodStyle
from app.providers.base import ImageSpec
from app.providers.local.director.moods import propose_moods
from app.providers.local.director.storyboard import plan
from app.providers.local.painting.render import PaintReport, paint
from app.providers.local.painting.vocabulary import Kind
from app.services.prompts import reference_image_spec, seed_image_spec
from tests.utils.matching import found
from tests.utils.photos import pattern, product_photo

SMALL = (144, 256)
MEDIUM = (270, 480)


def _brief(name: str, description: str, **more: object) -> CreativeBrief:
    return CreativeBrief(
        product_name=name,
        product_description=description,
        target_audience="people who care",
        emotional_tone=["warm"],
        visual_style_keywords=["natural light"],
        key_messages=[],
        **more,  # type: ignore[arg-type]
    )


def _specs(brief: CreativeBrief, photos: tuple[Path, ...] = ()) -> list[ImageSpec]:
    """Every mood image and every seed image the local director's ad for `brief` asks for."""
    specs = []
    moods = propose_moods(brief, 3)
    for mood in moods:
        specs += [reference_image_spec(brief, mood, i, photos) for i in range(4)]
    style = MoodStyle(
        style_name=moods[0].style_name,
        style_keywords=moods[0].style_keywords,
        color_palette=moods[0].color_palette,
    )
    scenes = plan(brief, style).scenes
    last = scenes[-1].scene_number
    specs += [
        seed_image_spec(s, style, brief, s.scene_number == last, scenes, photos=photos)
        for s in scenes
    ]
    return specs


def _paint(spec: ImageSpec, size: tuple[int, int]) -> tuple[object, PaintReport]:
    return paint(replace(spec, width=size[0], height=size[1]))


BRIEFS = {
    "hotel": (_brief("Saltmarsh", "a boutique hotel by the sea"), {None}),
    "app": (_brief("Tallyho", "a budgeting app for freelancers"), {None, Kind.PHONE, Kind.LAPTOP}),
    "mugs": (_brief("Kiln & Co", "handmade ceramic mugs"), {Kind.CUP}),
    "energy drink": (_brief("Volt Rush", "a neon energy drink for gamers"), {Kind.CAN}),
}


@pytest.mark.parametrize("name", list(BRIEFS))
def test_without_a_photo_no_shot_draws_a_product_of_another_kind(name: str) -> None:
    brief, allowed = BRIEFS[name]
    reports = [_paint(spec, SMALL)[1] for spec in _specs(brief)]
    assert {r.model for r in reports} <= allowed
    assert all(r.photo is None for r in reports)


def test_a_hotel_is_shown_by_its_set_and_its_name_in_type_not_by_an_object() -> None:
    brief, _ = BRIEFS["hotel"]
    reports = [_paint(spec, SMALL)[1] for spec in _specs(brief)]
    assert all(r.model is None and r.box is None for r in reports)
    assert any(r.lettered == "Saltmarsh" for r in reports)


@pytest.fixture(scope="module")
def cutout(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("assets") / "cutout.png"
    cut_out(product_photo()).save(path)
    return path


def test_with_a_photo_every_mood_and_scene_image_shows_that_photo(cutout: Path) -> None:
    brief = _brief("Kiln & Co", "handmade ceramic mugs")
    specs = _specs(brief, (cutout,))
    assert len(specs) >= 17
    for spec in specs:
        image, report = _paint(spec, MEDIUM)
        assert report.photo == cutout and report.model is None, spec.subject
        assert report.box is not None
        score = found(image, pattern(), report.box)  # type: ignore[arg-type]
        assert score > 0.75, (spec.subject, score)


def test_a_photo_replaces_the_model_even_for_a_product_the_painter_cannot_draw(
    cutout: Path,
) -> None:
    brief = _brief("Saltmarsh", "a boutique hotel by the sea")
    for spec in _specs(brief, (cutout,))[:6]:
        report = _paint(spec, SMALL)[1]
        assert report.photo == cutout


def test_the_photo_is_lit_by_the_mood_it_stands_in(cutout: Path) -> None:
    brief = _brief("Kiln & Co", "handmade ceramic mugs")
    spec = replace(_specs(brief, (cutout,))[0], width=MEDIUM[0], height=MEDIUM[1])
    warm = replace(spec, palette=("#2B1A12", "#C8732F", "#F2C38B"))
    cool = replace(spec, palette=("#0E1A2B", "#2F6FC8", "#8BC2F2"))
    (a, ra), (b, rb) = paint(warm), paint(cool)
    assert ra.box == rb.box and ra.box is not None
    x0, y0, x1, y1 = ra.box
    pa = np.asarray(a, np.float32)[y0:y1, x0:x1].reshape(-1, 3).mean(0)
    pb = np.asarray(b, np.float32)[y0:y1, x0:x1].reshape(-1, 3).mean(0)
    assert (pa[0] - pa[2]) > (pb[0] - pb[2])  # warmer light, warmer product
