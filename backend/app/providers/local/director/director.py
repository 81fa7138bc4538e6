"""`LocalDirector`: the embedded, offline creative director behind the `Director` protocol.

Every method is a thin async shell over a pure, deterministic function (conversation, extraction,
moods, storyboard), so the rules are tested without an event loop and a remote director can
replace this one without the callers noticing. The work is milliseconds for real chats, but a
200-message history of 8,000-character turns is not, so it runs in a thread like all provider
CPU work.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator, Sequence

from app.models.chat import ChatMessage
from app.models.creative_brief import BriefFields, CreativeBrief
from app.models.mood import MoodDirection, MoodStyle
from app.models.scene import ScenePlan
from app.providers.local.director.conversation import compose_reply
from app.providers.local.director.extraction import extract_brief
from app.providers.local.director.moods import propose_moods
from app.providers.local.director.storyboard import plan
from app.providers.local.director.suggestions import suggest

_CHUNK = re.compile(r"\S+\s*|\s+")


def chunk_words(text: str) -> list[str]:
    """Word-sized pieces (each with its trailing whitespace) that join back to `text` exactly."""
    return _CHUNK.findall(text)


class LocalDirector:
    """Rule-based director: no keys, no network, same input → same output."""

    name = "local"

    async def reply(
        self,
        messages: list[ChatMessage],
        current: BriefFields | None = None,
        updated: BriefFields | None = None,
    ) -> AsyncIterator[str]:
        # `updated` is not needed: the reply is written from the very reading that
        # `synthesize_brief` returns, so the two cannot disagree.
        text = await asyncio.to_thread(compose_reply, messages, current)
        # Streamed word by word so a chat UI shows the reply appear as it would from a model.
        for chunk in chunk_words(text):
            yield chunk

    async def synthesize_brief(
        self, messages: list[ChatMessage], current: BriefFields | None = None
    ) -> BriefFields:
        # The same reading (suggestions included) that the replies are based on, so what the
        # director said and the brief the studio shows never disagree.
        return await asyncio.to_thread(extract_brief, messages, suggest, current)

    async def propose_moods(
        self, brief: CreativeBrief, count: int, avoid: Sequence[str] = ()
    ) -> list[MoodDirection]:
        return await asyncio.to_thread(propose_moods, brief, count, avoid)

    async def plan_scenes(self, brief: CreativeBrief, mood: MoodStyle) -> ScenePlan:
        return await asyncio.to_thread(plan, brief, mood)
