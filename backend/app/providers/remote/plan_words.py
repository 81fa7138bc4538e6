"""The words of GPT-4o's storyboard, checked against the brief before they reach anyone. Pure.

* On-screen text is a key message word for word (case, spacing and end punctuation aside) or
  nothing: anything else is dropped, never shown, since big letters on an ad are a claim.
* A voiceover line or a call to action that states a claim the brief does not make, or a line
  too long for its scene at 2.5 words a second (`app.words.script`), rejects the draft with the
  reason, which is sent back to the model when the plan is asked for again.
* The brief's own call to action, when it has one, is used as it is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from app.models.creative_brief import BriefFields
from app.providers.local.director.claims import invented_claims
from app.words.script import lines_too_long


class DraftRejected(ValueError):
    """A draft that breaks the rules beyond repair; the message says how, for the model."""


class _SceneWords(Protocol):
    on_screen_text: str
    voiceover: str


class _DraftWords(Protocol):
    @property
    def scenes(self) -> Sequence[_SceneWords]: ...

    call_to_action: str


@dataclass(frozen=True)
class PlanWords:
    titles: list[str]
    lines: list[str]
    call_to_action: str


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().strip(".!").casefold()


def title_from(text: str, brief: BriefFields) -> str:
    """`text` as the brief's own key message when it is one, else nothing."""
    wanted = _key(text)
    return next((m.strip() for m in brief.key_messages if wanted and _key(m) == wanted), "")


def plan_words(draft: _DraftWords, brief: BriefFields, durations: Sequence[float]) -> PlanWords:
    titles = [title_from(scene.on_screen_text, brief) for scene in draft.scenes]
    lines = [" ".join(scene.voiceover.split())[:400] for scene in draft.scenes]
    cta = brief.call_to_action.strip() or " ".join(draft.call_to_action.split())[:200]
    for number, line in enumerate(lines, start=1):
        claims = invented_claims(line, brief)
        if claims:
            raise DraftRejected(
                f"scene {number}'s voiceover states what the brief does not ({', '.join(claims)}); "
                "say only what the brief says"
            )
    claims = invented_claims(cta, brief)
    if claims:
        raise DraftRejected(
            f"the call_to_action states what the brief does not ({', '.join(claims)})"
        )
    for problem in lines_too_long(lines, durations):
        raise DraftRejected(
            f"scene {problem.index + 1}'s voiceover needs {problem.needs:.1f} s at a natural pace "
            f"but only {problem.room:.1f} s of the scene is clear of its crossfades; shorten it"
        )
    return PlanWords(titles, lines, cta)
