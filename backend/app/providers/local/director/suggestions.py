"""What the director proposes when the marketer says "not sure" or "you decide".

A good creative director does not stall on a shrug: it offers a sensible default that fits what
is already known (the product's category, the tone so far), says it is a suggestion, and lets
the marketer change it later.
"""

from __future__ import annotations

from app.providers.local.director import colours
from app.providers.local.director.category import infer_category
from app.providers.local.director.extraction import Draft
from app.providers.local.director.moods import BriefTaste, choose_families


def suggest(field: str, draft: Draft, user_text: str) -> list[str] | str:
    """A value for `field` that suits the brief so far; empty when nothing sensible exists."""
    category = infer_category(f"{draft.product_name} {draft.product_description}", user_text)
    if field == "target_audience":
        return category.default_audience
    if field == "emotional_tone":
        return list(category.default_tones)
    if field == "key_messages":
        return list(category.default_messages)
    if field == "visual_style_keywords":
        brief = draft.brief()
        if not brief.emotional_tone:
            brief = brief.model_copy(update={"emotional_tone": list(category.default_tones)})
        # The look follows the family that best fits the tone (and the product) already given.
        family = choose_families(BriefTaste.of(brief, extra_context=user_text), 1)[0]
        return [*family.keywords[:3], *colours.describe(family.palette, 2)]
    return ""
