"""Step 2: three visual moods for a brief, four reference images each."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Sequence
from pathlib import Path

from app.models.creative_brief import CreativeBrief
from app.models.mood import IMAGES_PER_MOOD, MOODS_PER_BRIEF, Mood, MoodDirection
from app.providers.base import Director, ImageProvider
from app.services.brief_assets import product_cutouts
from app.services.prompts import reference_image_spec
from app.storage.batch import Batch
from app.storage.media_store import MediaStore
from app.utils.concurrency import gather_or_cancel
from app.utils.helpers import hex_to_rgb


async def generate_moods(
    brief: CreativeBrief,
    director: Director,
    images: ImageProvider,
    store: MediaStore,
    avoid: Sequence[str] = (),
) -> list[Mood]:
    await store.ensure_room()
    directions = with_brand_palette(
        await director.propose_moods(brief, MOODS_PER_BRIEF, avoid), brief
    )
    photos = await asyncio.to_thread(product_cutouts, store, brief)
    # All twelve images at once, as the seed asks; one failure stops the others, and then none
    # of the twelve is kept.
    async with store.batch() as batch:
        galleries = await gather_or_cancel(
            *(
                _reference_images(brief, direction, images, batch, photos)
                for direction in directions
            )
        )
    return [
        Mood(
            mood_id=str(uuid.uuid4()),
            style_name=direction.style_name,
            style_keywords=direction.style_keywords,
            reference_images=[store.url_for(key) for key in keys],
            color_palette=direction.color_palette,
        )
        for direction, keys in zip(directions, galleries, strict=True)
    ]


def with_brand_palette(
    directions: list[MoodDirection], brief: CreativeBrief
) -> list[MoodDirection]:
    """The first mood wears the brand's colours exactly, in the brand's order; the others stay
    free to explore. A single brand colour is paired with white or near-black, whichever it
    stands out on, since a palette needs two."""
    colours = list(brief.brand.colors) if brief.brand else []
    if not colours or not directions:
        return directions
    if len(colours) == 1:
        r, g, b = hex_to_rgb(colours[0])
        colours.append("#FFFFFF" if 0.2126 * r + 0.7152 * g + 0.0722 * b < 128 else "#141414")
    first = directions[0].model_copy(update={"color_palette": colours})
    return [first, *directions[1:]]


async def _reference_images(
    brief: CreativeBrief,
    direction: MoodDirection,
    images: ImageProvider,
    batch: Batch,
    photos: tuple[Path, ...],
) -> list[str]:
    """The keys of one mood's reference images."""

    async def one(index: int) -> str:
        image = batch.new("moods", ".png")
        await images.generate(reference_image_spec(brief, direction, index, photos), image.partial)
        return image.key

    return await gather_or_cancel(*(one(i) for i in range(IMAGES_PER_MOOD)))
