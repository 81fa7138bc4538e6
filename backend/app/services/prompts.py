"""Turning briefs, moods and scenes into image specs: one place for how prompts are worded."""

from __future__ import annotations

from pathlib import Path

from app.models.creative_brief import BriefFields
from app.models.mood import MoodDirection, MoodStyle
from app.models.scene import Scene
from app.providers.base import ImageSpec
from app.utils.helpers import stable_seed

REFERENCE_SIZE = (720, 1280)
"""Mood gallery thumbnails: 9:16 like the ad, small enough that twelve render quickly."""
SEED_SIZE = (1080, 1920)
"""Seed images are full frames of the final ad."""


def ad_context(brief: BriefFields | None, shots: list[str]) -> str:
    """Everything the ad says about its product, for images whose own shot does not say it."""
    parts = [*shots]
    if brief:
        parts += [brief.product_name, brief.product_description, *brief.key_messages]
    return " | ".join(part for part in parts if part)


def product_identity(brief: BriefFields | None) -> str:
    """What the product is, in the brief's own words."""
    if not brief:
        return ""
    return " | ".join(part for part in (brief.product_name, brief.product_description) if part)


def _font(brief: BriefFields | None) -> str | None:
    return brief.brand.font if brief and brief.brand else None


def reference_image_spec(
    brief: BriefFields, mood: MoodDirection, index: int, photos: tuple[Path, ...] = ()
) -> ImageSpec:
    """`photos` are the product's cut-outs (see `brief_assets.product_cutouts`)."""
    shot = mood.image_prompts[index]
    width, height = REFERENCE_SIZE
    return ImageSpec(
        prompt=f"{shot}. {', '.join(mood.style_keywords)}. Vertical 9:16 product photograph.",
        subject=shot,
        style_keywords=tuple(mood.style_keywords),
        palette=tuple(mood.color_palette),
        width=width,
        height=height,
        seed=stable_seed("reference", brief.product_name, mood.style_name, index, shot),
        tone=tuple(brief.emotional_tone),
        context=ad_context(brief, mood.image_prompts),
        product=product_identity(brief),
        product_photos=_rotate(photos, index),
        font=_font(brief),
    )


def seed_image_spec(
    scene: Scene,
    mood: MoodStyle,
    brief: BriefFields | None,
    is_closing_scene: bool,
    storyboard: list[Scene] | None = None,
    variation: int = 0,
    photos: tuple[Path, ...] = (),
) -> ImageSpec:
    """`variation` picks another take of the same shot; 0 is the first take; `photos` are the
    product's cut-outs."""
    style = scene.style_prompt or ", ".join(mood.style_keywords)
    width, height = SEED_SIZE
    product = brief.product_name if brief else ""
    return ImageSpec(
        prompt=f"{scene.description}. {style}. Vertical 9:16 advertising frame.",
        subject=scene.description,
        style_keywords=tuple(mood.style_keywords),
        palette=tuple(mood.color_palette),
        width=width,
        height=height,
        seed=stable_seed(
            "seed", product, mood.style_name, scene.scene_number, scene.description, variation
        )
        if variation
        else stable_seed("seed", product, mood.style_name, scene.scene_number, scene.description),
        caption=product if is_closing_scene and product else None,
        tone=tuple(brief.emotional_tone) if brief else (),
        context=ad_context(brief, [s.description for s in storyboard or [scene]]),
        product=product_identity(brief),
        product_photos=_rotate(photos, scene.scene_number - 1 + variation),
        font=_font(brief),
    )


def _rotate(photos: tuple[Path, ...], index: int) -> tuple[Path, ...]:
    """Several photos of the product take turns as the lead one, shot by shot."""
    if not photos:
        return ()
    start = index % len(photos)
    return photos[start:] + photos[:start]
