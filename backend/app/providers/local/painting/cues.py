"""Reading a spec like an art director reads a shot list.

The prompt is prose ("Close-up of the Lumina bottle on polished white marble, soft diffused
daylight"); the renderer needs decisions: which shot, which object, what it stands on, how it
is lit, how loud the image should be. Each table in `vocabulary` maps words to one decision.
The shot description (`subject`) outranks the full prompt, which outranks the mood's keywords,
because the shot is the most specific thing the director said.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import TypeVar

from app.providers.base import ImageSpec
from app.providers.local.offering import not_an_object
from app.providers.local.painting.vocabulary import (
    CHILLED,
    COPY_SPACE,
    EFFECTS,
    KIND_NOUNS,
    KIND_WORLD,
    LIGHTS,
    LOOKS,
    NIGHT,
    SETTINGS,
    SHOTS,
    TONES,
    WORLD_WEIGHT,
    Effect,
    Kind,
    Light,
    Look,
    Setting,
    Shot,
)

K = TypeVar("K")


@dataclass(frozen=True)
class Traits:
    """How loud, warm, contrasty, saturated and round the image should be; each -1..1."""

    energy: float = 0.0
    warmth: float = 0.0
    contrast: float = 0.0
    saturation: float = 0.0
    roundness: float = 0.0


@dataclass(frozen=True)
class Cues:
    shot: Shot
    kind: Kind
    """The proportions the frame is planned around (a drawn model's, or a placeholder's)."""
    settings: tuple[Setting, ...]
    """Most strongly cued first."""
    light: Light
    effects: frozenset[Effect]
    looks: Mapping[Look, float] = field(default_factory=dict)
    """Treatment strengths, 0..1."""
    traits: Traits = Traits()
    copy_space: bool = False
    """The shot asks for room for words (a headline, on-screen text)."""
    chilled: bool = False
    """The product is cold: frosted, beaded with condensation."""
    night: bool = False
    """The shot happens after dark."""
    model: Kind | None = None
    """The product model to draw, or None: nothing the painter has fits what the brief says the
    product is (a hotel, a service), or nothing says what it is at all."""

    def look(self, look: Look) -> float:
        return self.looks.get(look, 0.0)

    def has(self, setting: Setting) -> bool:
        return setting in self.settings

    @property
    def density(self) -> float:
        """How many things share the frame: 0 (one object in space) to 1 (a full set)."""
        busy = 0.5 + 0.35 * self.look(Look.BOLD) + 0.2 * self.look(Look.ORGANIC)
        busy += 0.15 * self.look(Look.RETRO) - 0.45 * self.look(Look.MINIMAL)
        return min(1.0, max(0.0, busy))

    @property
    def dark_bias(self) -> float:
        bias = 0.6 * self.look(Look.MOODY) + (0.5 if self.light in (Light.SPOT, Light.NEON) else 0)
        bias += 0.5 if self.has(Setting.NEON) else 0.0
        bias += 0.5 if self.night else 0.0
        return min(1.0, bias)


CONTEXT_WEIGHT = 0.5
"""How much the ad's context counts towards the product kind, against 3.0 for the shot."""


@cache
def _pattern(word: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])")


def _score(words: Iterable[str], texts: tuple[tuple[str, float], ...]) -> tuple[float, int]:
    """Weighted hit count over the texts, and how early the first hit is (for ties)."""
    score, first = 0.0, 10**6
    for word in words:
        for text, weight in texts:
            match = _pattern(word).search(text)
            if match:
                score += weight
                first = min(first, match.start() + (0 if weight >= 2 else 5000))
    return score, first


def _scored(
    table: Mapping[K, tuple[str, ...]], texts: tuple[tuple[str, float], ...]
) -> list[tuple[K, tuple[float, int]]]:
    return [(key, _score(words, texts)) for key, words in table.items()]


def _ranked(table: Mapping[K, tuple[str, ...]], texts: tuple[tuple[str, float], ...]) -> list[K]:
    scored = [(key, *_score(words, texts)) for key, words in table.items()]
    hits = [s for s in scored if s[1] > 0]
    order = list(table)
    hits.sort(key=lambda s: (-s[1], s[2], order.index(s[0])))
    return [s[0] for s in hits]


def _first_shot(subject: str, prompt: str) -> Shot:
    """The first shot word found in the subject, in priority order; then in the prompt."""
    for text in (subject, prompt):
        for shot, words in SHOTS.items():
            if any(_pattern(w).search(text) for w in words):
                return shot
    return Shot.HERO


def _traits(tone: Iterable[str], extra: Iterable[str]) -> Traits:
    rows = [TONES[w] for w in (*tone, *extra) if w in TONES]
    if not rows:
        return Traits()
    sums = [sum(col) / len(rows) for col in zip(*rows, strict=True)]
    clamp = [max(-1.0, min(1.0, v)) for v in sums]
    return Traits(*clamp)


def _product_model(identity: str, shot_texts: tuple[tuple[str, float], ...]) -> Kind | None:
    """The product model to draw, decided by the brief's own words (name and description).

    When they name a kind we draw, that kind in every shot. When they say the product is not an
    object (a hotel, a service, an event: the director's own table, `offering`), none, whatever
    the shots say ("a booking app for hotels" is still an app on a phone). When they say
    nothing (a bare name), a kind a shot itself names
    ("the Lumina bottle"), else none: the words of a product's world would only be a guess.
    """
    named = _ranked(KIND_NOUNS, ((identity, 1.0),)) if identity else []
    if not_an_object(identity):
        return named[0] if named and named[0] in (Kind.PHONE, Kind.LAPTOP) else None
    if named:
        return named[0]
    shown = _ranked(KIND_NOUNS, shot_texts)
    return shown[0] if shown else None


def read(spec: ImageSpec) -> Cues:
    subject = spec.subject.lower()
    prompt = spec.prompt.lower()
    style = " | ".join(k.lower() for k in spec.style_keywords)
    texts = ((subject, 3.0), (prompt, 1.0), (style, 1.0))

    # The ad's context only settles which product this is, and weighs less than the shot itself.
    kind_texts = (*texts, (spec.context.lower(), CONTEXT_WEIGHT))
    nouns = dict(_scored(KIND_NOUNS, kind_texts))
    for kind, (score, first) in _scored(KIND_WORLD, kind_texts):
        old_score, old_first = nouns.get(kind, (0.0, 10**7))
        nouns[kind] = (old_score + WORLD_WEIGHT * score, min(old_first, first + 10**6))
    order = list(Kind)
    kinds = [
        k
        for k, _ in sorted(
            ((k, v) for k, v in nouns.items() if v[0] > 0),
            key=lambda kv: (-kv[1][0], kv[1][1], order.index(kv[0])),
        )
    ]
    settings = _ranked(SETTINGS, texts)
    lights = _ranked(LIGHTS, texts)
    effects = frozenset(_ranked(EFFECTS, ((subject, 3.0), (prompt, 1.0))))
    looks: dict[Look, float] = {}
    for look, words in LOOKS.items():
        style_hits, _ = _score(words, ((style, 1.0),))
        prompt_hits, _ = _score(words, ((prompt, 1.0),))
        strength = min(1.0, 0.5 * style_hits + 0.25 * prompt_hits)
        if strength > 0:
            looks[look] = strength
    tone_words = [t.lower().strip() for t in spec.tone]
    model = (
        _product_model(spec.product.lower(), ((subject, 3.0), (prompt, 1.0)))
        if spec.product
        else (kinds[0] if kinds else None)
    )
    return Cues(
        shot=_first_shot(subject, prompt),
        kind=model or (kinds[0] if kinds else Kind.OBJECT),
        model=model,
        settings=tuple(settings) or (Setting.STUDIO,),
        light=lights[0] if lights else Light.SOFT,
        effects=effects,
        looks=looks,
        traits=_traits(tone_words, [w for w in TONES if _pattern(w).search(style)]),
        copy_space=any(_pattern(w).search(prompt) for w in COPY_SPACE),
        chilled=any(_pattern(w).search(prompt) for w in CHILLED),
        night=any(_pattern(w).search(f"{subject} {style}") for w in NIGHT),
    )
