"""The creative brief: what the ad is for and how it should feel."""

from __future__ import annotations

from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

from app.fonts import FontName
from app.models.assets import AssetUrl
from app.models.common import HexColour, Keyword, ShortText

RequiredBriefField = Literal[
    "product_name",
    "target_audience",
    "emotional_tone",
    "visual_style_keywords",
    "key_messages",
]
"""The fields a brief needs before moods can be made, in the order the director asks."""
BRIEF_FIELDS: tuple[RequiredBriefField, ...] = get_args(RequiredBriefField)


MAX_PRODUCT_IMAGES = 4


class Brand(BaseModel):
    """How the brand looks, when the marketer says: every field optional."""

    model_config = ConfigDict(extra="ignore")

    logo_url: AssetUrl | None = None
    """The logo, uploaded with `POST /api/assets` (kind `logo`)."""
    colors: list[HexColour] = Field(default_factory=list, max_length=6)
    """Brand colours, most important first; one mood keeps them exactly."""
    font: FontName | None = None
    """One of the typefaces we ship, for words on screen."""


class BriefFields(BaseModel):
    """A brief as it takes shape: every field may still be empty."""

    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)

    product_name: ShortText = ""
    """What is being advertised."""
    product_description: ShortText = ""
    """What the product is, in the marketer's words ("handmade ceramic mugs"), when its name does
    not say it. Optional: a brief is complete without it."""
    target_audience: ShortText = ""
    """Who the ad speaks to."""
    emotional_tone: list[Keyword] = Field(default_factory=list, max_length=10)
    """How the ad should feel, e.g. ["elegant", "calming"]."""
    visual_style_keywords: list[Keyword] = Field(default_factory=list, max_length=12)
    """How it should look, e.g. ["minimalist", "white", "gold"]."""
    key_messages: list[ShortText] = Field(default_factory=list, max_length=8)
    """What the viewer must take away."""
    product_images: list[AssetUrl] = Field(default_factory=list, max_length=MAX_PRODUCT_IMAGES)
    """Photos of the product the user uploaded (`POST /api/assets`, kind `product`); every shot
    that shows the product shows these. Optional."""
    brand: Brand | None = None
    """Logo, colours and font. Optional."""
    call_to_action: ShortText = ""
    """What the ad asks the viewer to do at the end ("Shop now at serum.example"). Optional:
    without it the director proposes one from the brief."""

    def missing_fields(self) -> list[RequiredBriefField]:
        return [name for name in BRIEF_FIELDS if not getattr(self, name)]


class CreativeBrief(BriefFields):
    """A brief good enough to make an ad from: at least the product is named."""

    product_name: ShortText = Field(min_length=1)


class BriefSynthesis(BaseModel):
    """What the director made of a conversation so far."""

    creative_brief: BriefFields
    missing_fields: list[RequiredBriefField]
    """Required fields the conversation has not settled yet, in the order the director asks."""
    complete: bool
    """True once every field is filled and the studio can move on to moods."""
