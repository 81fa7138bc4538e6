"""GPT-4o is told what the studio holds: the photos and logo the marketer uploaded and the brand
colours they set, so it asks for a photo only when there is none (and once), and plans a hotel
as a place, never as a bottle. Asserted on what the fake OpenAI received."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from app.models.chat import ChatMessage
from app.models.creative_brief import BriefFields, CreativeBrief
from app.models.mood import MoodStyle
from app.providers.remote.openai_director import OpenAIDirector
from tests.fakes.openai_api import BRIEF, FakeOpenAI
from tests.remote.conftest import fake_openai_settings

pytestmark = pytest.mark.anyio

PHOTO = "/media/assets/" + "1" * 32 + "/product.png"
LOGO = "/media/assets/" + "2" * 32 + "/logo.png"
CHAT = [ChatMessage(role="user", content="Saltmarsh, a boutique hotel by the sea")]
HOTEL = BriefFields.model_validate(
    {**BRIEF, "product_name": "Saltmarsh", "product_description": "Boutique hotel by the sea"}
)
WITH_UPLOADS = BriefFields.model_validate(
    {
        **HOTEL.model_dump(),
        "product_images": [PHOTO, PHOTO],
        "brand": {"logo_url": LOGO, "colors": ["#0B3D5C", "#F2E8D5"], "font": "DejaVu Serif"},
    }
)
MOOD = MoodStyle(style_name="Sea Linen", style_keywords=["linen"], color_palette=["#FFFFFF"])


@pytest.fixture
async def director(fake_openai: FakeOpenAI) -> AsyncIterator[OpenAIDirector]:
    director = OpenAIDirector(fake_openai_settings(fake_openai))
    yield director
    await director.aclose()


async def _system_prompt(
    director: OpenAIDirector, fake_openai: FakeOpenAI, shown: BriefFields | None
) -> str:
    "".join([piece async for piece in director.reply(CHAT, shown, shown)])
    [sent] = fake_openai.requests
    return str(sent["messages"][0]["content"])


async def test_without_a_photo_the_chat_asks_once_and_takes_no_for_an_answer(
    director: OpenAIDirector, fake_openai: FakeOpenAI
) -> None:
    system = await _system_prompt(director, fake_openai, HOTEL)
    assert "ask once whether the marketer can add a photo of the product or their logo" in system
    assert "“Your product and brand”" in system or '"Your product and brand"' in system
    assert "If they say no, not yet or skip, carry on" in system
    assert "never ask about photos again" in system


async def test_with_photos_the_chat_is_told_of_them_and_of_the_brand(
    director: OpenAIDirector, fake_openai: FakeOpenAI
) -> None:
    system = await _system_prompt(director, fake_openai, WITH_UPLOADS)
    assert "already uploaded 2 product photos and a logo; do not ask for photos" in system
    assert "ask once whether" not in system
    assert "brand colours #0B3D5C, #F2E8D5" in system and "a logo (uploaded)" in system
    assert "the font DejaVu Serif" in system


async def test_a_chat_without_the_studio_brief_still_asks_for_a_photo(
    director: OpenAIDirector, fake_openai: FakeOpenAI
) -> None:
    system = await _system_prompt(director, fake_openai, None)
    assert "ask once whether the marketer can add a photo" in system
    assert "already uploaded" not in system


async def test_moods_and_plan_are_told_the_kind_and_the_users_own_product(
    director: OpenAIDirector, fake_openai: FakeOpenAI
) -> None:
    brief = CreativeBrief(**WITH_UPLOADS.model_dump())
    await director.propose_moods(brief, 3)
    await director.plan_scenes(brief, MOOD)
    for sent in fake_openai.requests:
        system, ask = (str(m["content"]) for m in sent["messages"][:2])
        assert "a place (a hotel, a restaurant, a gym), a service, an app or an event" in system
        assert "no bottle, can or jar for a hotel" in system
        assert "Boutique hotel by the sea" in ask
        assert "uploaded photos of the product (product_images)" in ask and PHOTO in ask


async def test_without_photos_no_photo_is_claimed(
    director: OpenAIDirector, fake_openai: FakeOpenAI
) -> None:
    await director.plan_scenes(CreativeBrief(**HOTEL.model_dump()), MOOD)
    [sent] = fake_openai.requests
    assert "uploaded photos" not in str(sent["messages"][1]["content"])
