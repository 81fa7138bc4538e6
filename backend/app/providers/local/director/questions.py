"""The director's questions: how it asks for each brief field, and how it recognises which field
a question (its own or another director's) was asking about.

Recognition is what lets a bare answer like "Busy women 25-40." fill the audience: the extractor
looks at the assistant turn just before it. So question sentences (the ones ending in "?") name
their field plainly and never contain the product name, which could be any word at all; examples
sit in a separate sentence.
"""

from __future__ import annotations

import re

from app.models.creative_brief import BRIEF_FIELDS
from app.providers.local.director.text import sentences

FIELD_ORDER: tuple[str, ...] = BRIEF_FIELDS
"""The order the director asks in: product → audience → tone → visual style → key messages."""

QUESTIONS: dict[str, tuple[str, ...]] = {
    "product_name": (
        "Let's start with the star of the show: what are we advertising, and what's it called? "
        "Something like “a vitamin C serum called Glow Drops”.",
        "What product are we making this ad for, and does it have a name? "
        "For example: “an energy drink called Volt Rush”.",
        "Tell me about the product: what is it, and what's its name? "
        "E.g. “running shoes called Stride One”.",
    ),
    "target_audience": (
        "Who are we talking to? Paint me the person we want to stop mid-scroll — "
        "for example “busy women 25-40” or “first-time marathon runners”.",
        "Who's it for? The more specific, the better — say, "
        "“remote workers who love a slow morning ritual”.",
        "Now, who should this ad speak to? An age, a lifestyle, a mindset — "
        "e.g. “gamers and night-shift workers 18-30”.",
    ),
    "emotional_tone": (
        "How should people feel when they watch it? A few words is plenty — "
        "“calm and luxurious”, say, or “bold and energetic”.",
        "What feeling should the ad leave behind? Two or three words, "
        "like “warm and nostalgic” or “confident and fresh”.",
        "What's the emotional tone we're going for? "
        "For example “playful and upbeat” or “serene and elegant”.",
    ),
    "visual_style_keywords": (
        "How should it look? Give me colours, textures or references — something like "
        "“minimalist, white and gold, soft light” or “neon, gritty, city at night”.",
        "Let's talk visuals: what colours, materials or looks do you picture? "
        "E.g. “earthy, linen, morning light” or “bright pastel pop”.",
        "What visual style are you imagining? "
        "For instance “retro film grain, warm tones” or “clean, clinical, cool blue”.",
    ),
    "key_messages": (
        "Last one: what's the one thing viewers must remember? One to three key messages work "
        "best — e.g. “visible results in two weeks; natural ingredients”.",
        "What should people take away from the ad? Give me your key messages, separated by "
        "semicolons if there are several — like “zero sugar; focus that lasts”.",
        "Final piece: what are the main points we need to land? "
        "For example “cushioned for long runs; weighs just 210 g”.",
    ),
}

PHOTOS = "product_images"
"""Not a field the chat fills (photos are uploaded in the studio), but a question it asks once."""

DESCRIPTION_QUESTION = "What is it, in a few words?"
"""Asked once when only the product's name is known: a name alone ("Saltmarsh") says nothing
of whether it is a hotel, a mug or an app, and every shot depends on that."""
DESCRIPTION_FOLLOW_UP = (
    f"{DESCRIPTION_QUESTION} A product, a place, a service, an app? "
    "For example “handmade ceramic mugs” or “a boutique hotel by the sea”."
)

PHOTO_QUESTIONS: tuple[str, ...] = (
    "Do you have a photo of the product, or your logo? If so, drop it in the Vision step under "
    "“Your product and brand” and every shot that shows it will use it. No photo is fine too — "
    "just say “no” and we'll carry on.",
    "Can you add a photo of the product or your logo? The Vision step has a spot for them, "
    "under “Your product and brand”. If not, say “no” — we'll carry on without one.",
)

# Checked in this order: a question about photos names the product; a question about what to
# *remember* may also say "people" or "feel".
_RECOGNISERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (PHOTOS, re.compile(r"\b(photos?|photographs?|logo|logos|product shots?|images? of)\b",
                        re.IGNORECASE)),
    ("key_messages", re.compile(
        r"\b(remember|take ?away|takeaways?|key messages?|messages?|main points?|key points?|"
        r"one thing|land|benefits?|selling points?|tagline|slogan|usp)\b", re.IGNORECASE)),
    ("emotional_tone", re.compile(
        r"\b(feel|feeling|feelings|emotion|emotional|tone|vibe|mood)\b", re.IGNORECASE)),
    ("visual_style_keywords", re.compile(
        r"\b(look|looks|visual|visuals|colou?rs?|palette|aesthetic|style|textures?|materials?|"
        r"picture)\b", re.IGNORECASE)),
    ("target_audience", re.compile(
        r"\b(who|who's|whom|audience|target|customers?|speak to)\b", re.IGNORECASE)),
    ("product_name", re.compile(
        r"\b(product|advertis\w*|called|name|selling|brand|what is it|what's it)\b",
        re.IGNORECASE)),
)  # fmt: skip


def question(field: str, variant: int) -> str:
    """One phrasing of the question for `field`; `variant` picks which (it wraps around)."""
    options = QUESTIONS[field]
    return options[variant % len(options)]


def asked_field(assistant_text: str) -> str | None:
    """The brief field the assistant's last question asks for, if it asks for one."""
    asked = [s for s in sentences(assistant_text) if s.rstrip("”\"')").endswith("?")]
    if not asked:
        return None
    last = asked[-1]
    for field, pattern in _RECOGNISERS:
        if pattern.search(last):
            return field
    return None
