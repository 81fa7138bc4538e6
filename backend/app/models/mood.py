"""Visual moods: three style directions, four reference images each."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from app.models import examples
from app.models.common import HexColour, Keyword, LongText, ShortText
from app.models.creative_brief import CreativeBrief

MOODS_PER_BRIEF = 3
IMAGES_PER_MOOD = 4


class MoodDirection(BaseModel):
    """A style direction as the director proposes it, before any image exists."""

    style_name: ShortText = Field(min_length=1)
    style_keywords: list[Keyword] = Field(min_length=1, max_length=12)
    color_palette: list[HexColour] = Field(min_length=2, max_length=6)
    image_prompts: list[LongText] = Field(min_length=IMAGES_PER_MOOD, max_length=IMAGES_PER_MOOD)
    """One shot idea per reference image, so the four images differ from each other."""


class Mood(BaseModel):
    """A mood as the API returns it (the seed's shape)."""

    model_config = ConfigDict(extra="ignore")

    mood_id: ShortText
    style_name: ShortText = Field(min_length=1)
    style_keywords: list[Keyword] = Field(default_factory=list, max_length=12)
    reference_images: list[LongText] = Field(default_factory=list, max_length=8)
    """URLs of the four reference images, served from our media store."""
    color_palette: list[HexColour] = Field(default_factory=list, max_length=6)

    def style(self) -> MoodStyle:
        return MoodStyle(
            style_name=self.style_name,
            style_keywords=self.style_keywords,
            color_palette=self.color_palette,
        )


class MoodStyle(BaseModel):
    """The parts of a mood that style a seed image; a full `Mood` is accepted as well."""

    model_config = ConfigDict(extra="ignore")

    style_name: ShortText = ""
    style_keywords: list[Keyword] = Field(default_factory=list, max_length=12)
    color_palette: list[HexColour] = Field(default_factory=list, max_length=6)


class GenerateMoodsRequest(BaseModel):
    model_config = ConfigDict(
        json_schema_extra=examples.schema_examples({"creative_brief": examples.BRIEF})
    )

    creative_brief: CreativeBrief
    avoid_styles: list[ShortText] = Field(default_factory=list, max_length=24)
    """Style names already shown and turned down: "regenerate" offers directions beyond them."""


class GenerateMoodsResponse(BaseModel):
    moods: list[Mood]
