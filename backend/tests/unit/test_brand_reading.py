"""Brand colours and font stated in the chat reach the brief, beside the studio's uploads."""

from __future__ import annotations

from app.models.chat import ChatMessage
from app.models.creative_brief import Brand, BriefFields
from app.services.brand_reading import colours_in, font_in, settle_brand

LOGO = "http://testserver/media/assets/" + "a" * 32 + "/logo.png"


def _chat(*user_turns: str) -> list[ChatMessage]:
    messages = []
    for turn in user_turns:
        messages += [
            ChatMessage(role="user", content=turn),
            ChatMessage(role="assistant", content="Noted."),
        ]
    return messages[:-1]


def test_hex_colours_are_read_in_order_once_each_short_forms_expanded() -> None:
    text = "Our colours are #1a8c96, coral #E4572E and #fff; again #1A8C96. Issue #12 is not one."
    assert colours_in(text) == ["#1A8C96", "#E4572E", "#FFFFFF"]
    assert colours_in("no colours here, just teal and coral") == []


def test_only_fonts_we_ship_are_read_and_the_longest_name_wins() -> None:
    assert font_in("Headlines in dejavu serif please") == "DejaVu Serif"
    assert font_in("We use DejaVu Sans Bold everywhere") == "DejaVu Sans Bold"
    assert font_in("We use Helvetica Neue") is None


def test_a_chat_without_a_studio_brief_takes_what_the_marketer_said() -> None:
    chat = _chat("Kiln & Co mugs. Brand colours #1A8C96 and #E4572E, font DejaVu Serif.", "Cozy.")
    brief = settle_brand(BriefFields(product_name="Kiln & Co"), chat, None)
    assert brief.brand == Brand(colors=["#1A8C96", "#E4572E"], font="DejaVu Serif")


def test_the_studio_brief_keeps_its_brand_and_uploads_unless_the_latest_message_changes_it() -> (
    None
):
    shown = BriefFields(
        product_name="Kiln & Co",
        product_images=["http://testserver/media/assets/" + "b" * 32 + "/product.png"],
        brand=Brand(logo_url=LOGO, colors=["#112233"], font="DejaVu Sans"),
    )
    read = BriefFields(product_name="Kiln & Co")  # a director that knows nothing of brands
    earlier_colours = _chat("Colours #1A8C96 once.", "Make it warmer.")
    kept = settle_brand(read, earlier_colours, shown)
    assert kept.brand == shown.brand, "hand edits win over an older message"
    assert kept.product_images == shown.product_images

    changed = settle_brand(read, _chat("Use #E4572E and #FAF3E0 as our colours."), shown)
    assert changed.brand == Brand(logo_url=LOGO, colors=["#E4572E", "#FAF3E0"], font="DejaVu Sans")


def test_no_brand_at_all_stays_none() -> None:
    assert settle_brand(BriefFields(), _chat("A serum for busy women."), None).brand is None
