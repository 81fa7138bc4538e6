"""Step 2: three visual moods for a brief, four reference images each."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from app.models.creative_brief import CreativeBrief
from app.models.mood import IMAGES_PER_MOOD, MOODS_PER_BRIEF, Mood, MoodDirection
from app.providers.base import Director, ImageProvider
from app.services.prompts import reference_image_spec
from app.storage.media_store import MediaStore
from app.utils.concurrency import gather_or_cancel


async def generate_moods(
    brief: CreativeBrief,
    director: Director,
    images: ImageProvider,
    store: MediaStore,
    avoid: Sequence[str] = (),
) -> list[Mood]:
    directions = await director.propose_moods(brief, MOODS_PER_BRIEF, avoid)
    # All twelve images at once, as the seed asks; one failure stops the others.
    galleries = await gather_or_cancel(
        *(_reference_images(brief, direction, images, store) for direction in directions)
    )
    return [
        Mood(
            mood_id=str(uuid.uuid4()),
            style_name=direction.style_name,
            style_keywords=direction.style_keywords,
            reference_images=urls,
            color_palette=direction.color_palette,
        )
        for direction, urls in zip(directions, galleries, strict=True)
    ]


async def _reference_images(
    brief: CreativeBrief, direction: MoodDirection, images: ImageProvider, store: MediaStore
) -> list[str]:
    async def one(index: int) -> str:
        target = store.allocate("moods", ".png")
        path = await images.generate(reference_image_spec(brief, direction, index), target.path)
        return store.url_for_path(path)

    return await gather_or_cancel(*(one(i) for i in range(IMAGES_PER_MOOD)))
