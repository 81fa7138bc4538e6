"""Step 3: a storyboard for the chosen mood, and a seed image for every scene."""

from __future__ import annotations

import asyncio
from pathlib import Path

from app.models.creative_brief import CreativeBrief
from app.models.mood import Mood, MoodStyle
from app.models.scene import Scene, ScenePlan, SceneWithSeed
from app.providers.base import Director, ImageProvider
from app.services.brief_assets import product_cutouts
from app.services.prompts import seed_image_spec
from app.storage.batch import Batch
from app.storage.media_store import MediaStore
from app.utils.concurrency import gather_or_cancel


async def plan_scenes(brief: CreativeBrief, mood: Mood, director: Director) -> ScenePlan:
    plan = await director.plan_scenes(brief, mood.style())
    # Re-validate whatever the director returned: a plan that breaks the rules never leaves here.
    return ScenePlan.model_validate(plan.model_dump())


async def generate_seeds(
    scenes: list[Scene],
    mood: MoodStyle,
    brief: CreativeBrief | None,
    images: ImageProvider,
    store: MediaStore,
) -> list[SceneWithSeed]:
    await store.ensure_room()
    last = max(scene.scene_number for scene in scenes)
    photos = await asyncio.to_thread(product_cutouts, store, brief)
    # Every seed or none: a storyboard missing one seed is of no use to anyone.
    async with store.batch() as batch:
        seeded = await gather_or_cancel(
            *(
                _paint_seed(
                    scene, mood, brief, images, batch, scene.scene_number == last, scenes, photos
                )
                for scene in scenes
            )
        )
    return [_with_seed(scene, key, store) for scene, key in seeded]


async def _paint_seed(
    scene: Scene,
    mood: MoodStyle,
    brief: CreativeBrief | None,
    images: ImageProvider,
    batch: Batch,
    is_closing_scene: bool,
    storyboard: list[Scene] | None = None,
    photos: tuple[Path, ...] = (),
    variation: int = 0,
) -> tuple[Scene, str]:
    """One scene's seed image and its key; `storyboard` (all scenes) tells the painter what the
    product is."""
    seed = batch.new("seeds", ".png")
    spec = seed_image_spec(scene, mood, brief, is_closing_scene, storyboard, variation, photos)
    await images.generate(spec, seed.partial)
    return scene, seed.key


def _with_seed(scene: Scene, key: str, store: MediaStore) -> SceneWithSeed:
    return SceneWithSeed(**scene.model_dump(), seed_image_url=store.url_for(key))


async def regenerate_seed(
    scene_number: int,
    scenes: list[Scene],
    mood: MoodStyle,
    brief: CreativeBrief | None,
    images: ImageProvider,
    store: MediaStore,
    variation: int,
) -> SceneWithSeed:
    """A new take of one scene's seed image; the other scenes are not touched."""
    await store.ensure_room()
    scene = next(s for s in scenes if s.scene_number == scene_number)
    is_closing = scene_number == max(s.scene_number for s in scenes)
    photos = await asyncio.to_thread(product_cutouts, store, brief)
    async with store.batch() as batch:
        _, key = await _paint_seed(
            scene, mood, brief, images, batch, is_closing, scenes, photos, variation
        )
    return _with_seed(scene, key, store)
