"""Example bodies for `/docs`, taken from the specification, so every step can be tried as is."""

from __future__ import annotations

from typing import Any, cast

from pydantic.config import JsonDict

BRIEF: dict[str, Any] = {
    "product_name": "Luxury Skincare Serum",
    "target_audience": "Women 25-40",
    "emotional_tone": ["elegant", "calming"],
    "visual_style_keywords": ["minimalist", "white", "gold"],
    "key_messages": ["Natural ingredients"],
}

MOOD: dict[str, Any] = {
    "mood_id": "uuid-1",
    "style_name": "Minimalist Gold Elegance",
    "style_keywords": ["minimalist", "white", "gold", "clean"],
    "reference_images": [],
    "color_palette": ["#FFFFFF", "#D4AF37"],
}

SCENES: list[dict[str, Any]] = [
    {
        "scene_number": number,
        "duration": duration,
        "description": description,
        "style_prompt": "minimalist white and gold, luxury skincare, soft lighting",
    }
    for number, (duration, description) in enumerate(
        [
            (4, "A single golden drop falls onto white marble"),
            (6, "Close-up of the serum bottle on white marble"),
            (6, "Botanical ingredients floating in soft light"),
            (6, "A woman smiling at her glowing skin in a bright bathroom"),
            (8, "The serum bottle with the product name, a call to action"),
        ],
        start=1,
    )
]

MESSAGES: list[dict[str, Any]] = [
    {
        "id": "m1",
        "role": "user",
        "parts": [{"type": "text", "text": "I need an ad for a serum called Glow Drops."}],
    }
]


def schema_examples(*bodies: dict[str, Any]) -> JsonDict:
    """`json_schema_extra` for a request model: these bodies prefill `/docs`."""
    return cast(JsonDict, {"examples": list(bodies)})
