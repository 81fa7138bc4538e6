"""Request bodies as the studio sends them."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import httpx

from app.providers.local.director import LocalDirector
from app.providers.registry import Providers
from tests.fakes import media
from tests.utils.fakes import FakeImages, FakeMotion, FakeMusic


def brief(**overrides: Any) -> dict[str, Any]:
    return {
        "product_name": "Luxury Skincare Serum",
        "target_audience": "Women 25-40",
        "emotional_tone": ["elegant", "calming"],
        "visual_style_keywords": ["minimalist", "white", "gold"],
        "key_messages": ["Natural ingredients"],
        **overrides,
    }


def mood(**overrides: Any) -> dict[str, Any]:
    return {
        "mood_id": "mood-1",
        "style_name": "Minimalist Gold Elegance",
        "style_keywords": ["minimalist", "white", "gold", "clean"],
        "reference_images": [],
        "color_palette": ["#FFFFFF", "#D4AF37"],
        **overrides,
    }


def stored_scenes(media_root: Path) -> list[dict[str, Any]]:
    """`scenes()` whose seed images are already in the media store under `media_root` (as the
    scenes step leaves them), linked by the store's URLs."""
    from tests.conftest import BASE_URL

    seeds = media_root / "seeds"
    seeds.mkdir(parents=True, exist_ok=True)
    board = scenes()
    for scene in board:
        number = scene["scene_number"]
        (seeds / f"seed-{number}.png").write_bytes(media.png(90, 160, f"scene {number}"))
        scene["seed_image_url"] = f"{BASE_URL}/media/seeds/seed-{number}.png"
    return board


def scenes(durations: list[float] | None = None, **overrides: Any) -> list[dict[str, Any]]:
    durations = durations if durations is not None else [4, 6, 6, 6, 8]
    return [
        {
            "scene_number": number,
            "duration": duration,
            "description": f"Scene {number}: the serum bottle on white marble",
            "style_prompt": "minimalist white and gold, soft light",
            **overrides,
        }
        for number, duration in enumerate(durations, start=1)
    ]


def fake_providers(motion: FakeMotion | None = None) -> Providers:
    return Providers(
        director=LocalDirector(),
        images=FakeImages(),
        motion=motion or FakeMotion(),
        music=FakeMusic(),
    )


async def poll(
    client: httpx.AsyncClient, url: str, within: float = 120.0
) -> tuple[dict[str, Any], list[int]]:
    """Poll a status URL until the job finishes; returns the last body and every progress seen."""
    seen: list[int] = []
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while True:
        response = await client.get(url)
        assert response.status_code == 200, response.text
        body = response.json()
        seen.append(body["progress"])
        if body["status"] != "processing":
            return body, seen
        assert loop.time() < deadline, f"job at {url} did not finish in {within} s"
        await asyncio.sleep(0.05)
