"""Reading single turns: how free text becomes brief fields (one line per thing people say)."""

from __future__ import annotations

import pytest

from app.providers.local.director.lexicon import normalise_styles, normalise_tones
from app.providers.local.director.messages import split_messages
from app.providers.local.director.turn import read_turn


@pytest.mark.parametrize(
    ("text", "product"),
    [
        ("An ad for a sneaker called Stride One", "Stride One"),
        ("I want an ad for my energy drink Volt Rush", "Volt Rush"),
        ("We're launching Ledgerly, a finance app", "Ledgerly"),
        ("Ember & Oak Coffee is a small-batch roaster", "Ember & Oak Coffee"),
        ("The product is called “Dawn Patrol”", "Dawn Patrol"),
        ("it's called glow drops", "Glow Drops"),
        ("actually the name is Lumen", "Lumen"),
        ("We sell handmade candles", "Handmade candles"),
        ("Hi, my name is Sarah", ""),
        ("I'd call it fresh and bold", ""),
    ],
)  # fmt: skip
def test_product_names(text: str, product: str) -> None:
    assert read_turn(text, None).product == product


@pytest.mark.parametrize(
    ("text", "audience"),
    [
        ("A serum for busy women 25-40, very fresh", "Busy women 25-40"),
        ("It's aimed at gamers and night-shift workers 18-30", "Gamers and night-shift workers 18-30"),
        ("Our target audience is first-time founders", "First-time founders"),
        ("Women 25-40, mostly city professionals", "Women 25-40"),
        ("Perfect for runners who hate blisters", "Runners who hate blisters"),
        ("An ad for my serum", ""),
        ("It works for 2 weeks", ""),
        ("The market is crowded", ""),
    ],
)  # fmt: skip
def test_audiences(text: str, audience: str) -> None:
    assert read_turn(text, None).audience == audience


@pytest.mark.parametrize(
    ("text", "tones", "styles"),
    [
        ("I want it to feel fresh and confident, bright citrus colours", ["fresh", "confident"], ["bright", "citrus"]),
        ("Warm colours but a calm, serene feeling", ["calming"], ["warm"]),
        ("It should feel luxe and zen; gold and marble", ["luxurious", "calming"], ["gold", "marble"]),
        ("A luxury serum called Glow", [], []),
        ("Bold type, black and white", [], ["bold", "monochrome"]),
        ("Make it feel bold", ["bold"], []),
        ("minimal, golden, 70s film look", [], ["minimalist", "gold", "retro", "film grain"]),
        ("Not too moody, no neon", [], []),
    ],
)  # fmt: skip
def test_tone_and_style_words_are_normalised_and_placed_by_context(
    text: str, tones: list[str], styles: list[str]
) -> None:
    found = read_turn(text, None)
    assert (found.tones, found.styles) == (tones, styles)


@pytest.mark.parametrize(
    ("text", "messages"),
    [
        ("The main point is visible results in 2 weeks", ["Visible results in 2 weeks"]),
        ("Key messages: zero sugar; focus that lasts", ["Zero sugar", "Focus that lasts"]),
        ("I want people to know it's vegan.", ["It's vegan"]),
        ("The key benefit is salt and pepper flavour", ["Salt and pepper flavour"]),
        ("Our tagline: fast, simple and secure", ["Fast, simple and secure"]),
    ],
)  # fmt: skip
def test_key_messages_are_found_by_their_cues(text: str, messages: list[str]) -> None:
    assert read_turn(text, None).messages == messages


def test_key_messages_split_into_separate_lines_only_when_each_reads_alone() -> None:
    assert split_messages("Zero sugar, focus that lasts and it tastes like citrus") == [
        "Zero sugar", "Focus that lasts", "It tastes like citrus",
    ]  # fmt: skip
    assert split_messages("- Small-batch roasted\n- Delivered weekly") == [
        "Small-batch roasted", "Delivered weekly",
    ]  # fmt: skip
    assert split_messages("Black and white") == ["Black and white"]
    assert split_messages("that's it") == []


def test_synonyms_share_one_canonical_word() -> None:
    assert normalise_tones(["calm", "Serene", "luxe", "Luxury", "cosy", "odd"]) == [
        "calming", "calming", "luxurious", "luxurious", "cozy", "odd",
    ]  # fmt: skip
    assert normalise_styles(["Golden", "minimal", "bright citrus", "gray"]) == [
        "gold", "minimalist", "bright", "citrus", "grey",
    ]  # fmt: skip
