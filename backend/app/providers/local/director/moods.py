"""Pitching visual moods: one direction that follows the brief, then the strongest contrasts.

An art director pitching three options does not show three variations of one idea. The first
mood is the family closest to the brief's tone and style words, in the brief's own colours; the
others are the families that differ most from it and from each other, nudged towards ones that
still suit the product, each carrying one brand colour as an accent.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.models.creative_brief import BriefFields
from app.models.mood import IMAGES_PER_MOOD, MoodDirection
from app.providers.local.director import colours
from app.providers.local.director.audience import persona
from app.providers.local.director.category import Category, infer_category
from app.providers.local.director.families import FAMILIES, StyleFamily, distance
from app.providers.local.director.lexicon import normalise_styles, normalise_tones
from app.providers.local.director.text import join_words, product_thing, unique
from app.utils.helpers import stable_seed

PALETTE_SIZE = 5
MAX_KEYWORDS = 8
_FIT_PULL = 3.0
"""How much an alternative's fit with the brief (0–1) counts against contrast (look distance,
typically 1–3): enough that a calm serum is not pitched as a neon rave, not so much that the
alternatives collapse into the first mood's neighbours."""
FIT_SCALE = 6.0
"""A relevance this high counts as a full fit (about two tone words and a style word)."""
MIN_CONTRAST = 1.2
"""Look distance below which two families read as variations of one idea, not alternatives."""


@dataclass(frozen=True)
class BriefTaste:
    """A brief reduced to what matters for choosing a look."""

    tones: tuple[str, ...]
    styles: tuple[str, ...]
    category: Category
    product: str
    thing: str
    """The product with what it is, as it appears in a shot ('Kiln & Co handmade ceramic mugs')."""

    @classmethod
    def of(cls, brief: BriefFields, extra_context: str = "") -> BriefTaste:
        styles = normalise_styles(brief.visual_style_keywords)
        category = infer_category(
            f"{brief.product_name} {brief.product_description}",
            brief.target_audience,
            *brief.key_messages,
            *styles,
            extra_context,
        )
        return cls(
            tones=tuple(normalise_tones(brief.emotional_tone)),
            styles=tuple(styles),
            category=category,
            product=brief.product_name,
            thing=product_thing(brief.product_name, brief.product_description),
        )


def relevance(family: StyleFamily, taste: BriefTaste) -> float:
    """How well a family fits the brief; a hair of stable jitter breaks ties per product."""
    score = sum(family.tones.get(tone, 0.0) for tone in taste.tones)
    score += sum(family.styles.get(style, 0.0) for style in taste.styles)
    score += family.categories.get(taste.category.key, 0.0)
    return score + (stable_seed("family", taste.product, family.key) % 1000) / 20000


def _fit(score: float) -> float:
    """Relevance as a fit from -1 to 1: a poor match (negative affinity) repels."""
    return max(-1.0, min(score / FIT_SCALE, 1.0))


def choose_families(
    taste: BriefTaste, count: int, pool: Sequence[StyleFamily] = FAMILIES
) -> list[StyleFamily]:
    """The closest family first, then each next one as far as possible from those chosen."""
    count = max(0, min(count, len(pool)))
    scores = {family.key: relevance(family, taste) for family in pool}
    chosen: list[StyleFamily] = []
    for _ in range(count):
        remaining = [f for f in pool if f not in chosen]
        if not chosen:
            chosen.append(max(remaining, key=lambda f: scores[f.key]))
            continue

        def contrast(family: StyleFamily) -> float:
            return min(distance(family, c) for c in chosen)

        distinct = [f for f in remaining if contrast(f) >= MIN_CONTRAST] or remaining
        chosen.append(max(distinct, key=lambda f: contrast(f) + _FIT_PULL * _fit(scores[f.key])))
    return chosen


def _brief_colours(taste: BriefTaste) -> list[tuple[str, str]]:
    """The brief's colours as (word, hex), near-duplicates dropped. Each word's main colour comes
    before any word's extras, so 'pastel, lavender' keeps lavender among the leading three."""
    found = colours.colours_for(taste.styles)
    firsts = [pair for i, pair in enumerate(found) if i == 0 or found[i - 1][0] != pair[0]]
    kept: list[tuple[str, str]] = []
    for word, value in [*firsts, *(pair for pair in found if pair not in firsts)]:
        if not colours.is_close(value, [v for _, v in kept], threshold=40):
            kept.append((word, value))
    return kept


def _palette(
    family: StyleFamily, brand: list[tuple[str, str]], leading: bool, taken_leads: list[str]
) -> list[str]:
    if leading:
        # The brief's own colours lead; the family fills in what they leave open.
        palette = [value for _, value in brand[:3]]
        for value in family.palette:
            if len(palette) == PALETTE_SIZE:
                break
            if not colours.is_close(value, palette):
                palette.append(value)
        for value in family.palette:  # a brief with close colours still gets a full palette
            if len(palette) < 2 and value not in palette:
                palette.append(value)
        return palette
    palette = _lead_with_own_colour(list(family.palette), taken_leads)[: PALETTE_SIZE - 1]
    accent = next(
        (
            value
            for word, value in brand
            if word not in colours.NEUTRALS and not colours.is_close(value, palette)
        ),
        None,
    )
    if accent:
        return [*palette, accent]
    return _lead_with_own_colour(list(family.palette), taken_leads)[:PALETTE_SIZE]


def _lead_with_own_colour(palette: list[str], taken_leads: list[str]) -> list[str]:
    """Rotate a palette so it does not open on a colour another mood already leads with: the
    leading colour sets the whole image, and two white-led moods look alike at a glance."""
    for shift in range(len(palette)):
        rotated = palette[shift:] + palette[:shift]
        if not colours.is_close(rotated[0], taken_leads, threshold=60):
            return rotated
    return palette


def _name(family: StyleFamily, brand: list[tuple[str, str]], leading: bool) -> str:
    colour = family.default_colour
    template_words = family.name_template.lower().split()
    words = [word for word, _ in brand if word.lower() not in template_words]
    if leading and words:  # never "Earthy Earthy Ritual"
        colour = colours.naming_colour(words).title()
    return family.name_template.format(c=colour)


def _image_prompts(
    family: StyleFamily, taste: BriefTaste, audience: str, palette: list[str]
) -> list[str]:
    """Four shot ideas so the four reference images differ: product, life, texture, hero."""
    product, thing = taste.product, taste.thing
    cast = persona(audience)
    category = taste.category
    palette_words = join_words(colours.describe(palette))
    closeup = cast.render(category.closeup, product, thing=thing)
    if not category.is_object:
        # A place, a service or an event is shown where it happens, never set on a surface.
        setting = cast.render(category.setting, product)
        hero = f"Wide establishing shot {setting}, {family.atmosphere}"
        return [
            f"Close-up of {closeup}, {family.lighting}, {palette_words} palette",
            f"{cast.render('{who} ' + category.ritual, product, capital=True)}, "
            f"{family.atmosphere}, candid lifestyle moment",
            f"Macro detail of {cast.render(category.texture, product, thing=thing)}, "
            f"{family.texture_treatment}, {palette_words} tones",
            f"{hero}, {family.lighting}, {palette_words} tones with space for a headline",
        ]
    prompts = [
        f"Close-up of {closeup} on {family.surface}, {family.lighting}, {palette_words} palette",
        f"{cast.render('{who} ' + category.ritual, product, capital=True)} "
        f"{category.setting}, {family.atmosphere}, candid lifestyle moment",
        f"Macro detail of {cast.render(category.texture, product, thing=thing)}, "
        f"{family.texture_treatment}, {palette_words} tones",
        f"Hero shot of {thing} {family.hero}, {family.lighting}, "
        f"{palette_words} backdrop with space for a headline",
    ]
    assert len(prompts) == IMAGES_PER_MOOD
    return prompts


def propose_moods(brief: BriefFields, count: int, avoid: Sequence[str] = ()) -> list[MoodDirection]:
    """`count` clearly distinct style directions (at most one per family in the library).

    Families whose mood names are in `avoid` sit out, so "regenerate" offers new ideas; once the
    library runs short the whole of it is open again."""
    taste = BriefTaste.of(brief)
    brand = _brief_colours(taste)
    shown = {name.casefold() for name in avoid}
    fresh = [
        family
        for family in FAMILIES
        if not shown
        & {_name(family, brand, True).casefold(), _name(family, brand, False).casefold()}
    ]
    pool = fresh if len(fresh) >= count else FAMILIES
    moods: list[MoodDirection] = []
    for index, family in enumerate(choose_families(taste, count, pool)):
        leading = index == 0
        palette = _palette(family, brand, leading, [m.color_palette[0] for m in moods])
        # Only the leading mood speaks the brief's own style words; the alternatives keep their
        # family's vocabulary so each reads as its own idea.
        own = list(taste.styles[:5]) if leading else []
        keywords = unique([*own, *family.keywords])[:MAX_KEYWORDS]
        moods.append(
            MoodDirection(
                style_name=_name(family, brand, leading),
                style_keywords=[k[:60] for k in keywords],
                color_palette=palette,
                image_prompts=_image_prompts(family, taste, brief.target_audience, palette),
            )
        )
    return moods
