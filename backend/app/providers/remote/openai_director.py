"""`OpenAIDirector`: the creative director on GPT-4o (or any model behind `OPENAI_MODEL`).

Chat replies stream; the brief, the moods and the plan are structured outputs (a strict JSON
schema per answer, see `director_schema`), turned into the same validated models the local
director returns. An answer that breaks the rules is repaired when that changes nothing a
person would notice, or asked for again with what was wrong; it never leaves here invalid.

A reply that goes wrong while streaming raises rather than end as a shorter reply: a refusal
(streamed as `delta.refusal`, with no content), an error event or a dropped connection in the
middle, the content filter.

The structured calls use `chat.completions.create` with the schema the SDK derives from the
draft model (`openai.lib.type_to_response_format_param`, what `parse()` sends), and validate
the JSON themselves: `parse()` raises on an answer that does not fit before its text and token
usage can be read, and both are needed, the text to ask again and the usage to price the call.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable, Sequence
from typing import TypeVar

import openai
from openai.lib import type_to_response_format_param
from pydantic import BaseModel, ValidationError

from app.config import OpenAISettings
from app.errors import ProviderBadOutput, ProviderRefused
from app.models.chat import ChatMessage
from app.models.creative_brief import BriefFields, CreativeBrief
from app.models.mood import MoodDirection, MoodStyle
from app.models.scene import ScenePlan
from app.providers.remote import director_prompts as prompts
from app.providers.remote.director_schema import (
    BriefDraft,
    DraftRejected,
    MoodBoardDraft,
    StoryboardDraft,
    brief_from,
    moods_from,
    plan_from,
)
from app.providers.remote.openai_client import build_client, record_usage, translate

logger = logging.getLogger(__name__)

D = TypeVar("D", bound=BaseModel)
T = TypeVar("T")


class OpenAIDirector:
    def __init__(self, settings: OpenAISettings) -> None:
        self._settings = settings
        self._client = build_client(settings)
        self._slots = asyncio.Semaphore(settings.max_concurrent)
        self.name = f"openai:{settings.model}"

    async def reply(
        self,
        messages: list[ChatMessage],
        current: BriefFields | None = None,
        updated: BriefFields | None = None,
    ) -> AsyncIterator[str]:
        usage, refusal, finish = None, "", None
        doing = "writing the director's reply"
        async with self._slots:
            try:
                stream = await self._client.chat.completions.create(
                    model=self._settings.model,
                    messages=prompts.chat_messages(messages, current, updated),
                    temperature=self._settings.temperature,
                    stream=True,
                    stream_options={"include_usage": True},
                )
                async with stream:
                    async for chunk in stream:
                        usage = chunk.usage or usage
                        for choice in chunk.choices:
                            refusal += choice.delta.refusal or ""
                            finish = choice.finish_reason or finish
                            if choice.delta.content:
                                yield choice.delta.content
            except openai.OpenAIError as exc:
                # A connection dropped mid-stream arrives as the SDK's APIConnectionError too.
                raise translate(exc, doing) from exc
        record_usage(self._settings, self._settings.model, usage)
        if refusal.strip():
            raise ProviderRefused(
                f"{self._settings.model} declined to answer: {refusal.strip()} "
                "Try saying it another way."
            )
        if finish == "content_filter":
            raise ProviderBadOutput(
                "OpenAI's content filter stopped the director's reply; try saying it another way."
            )

    async def synthesize_brief(
        self, messages: list[ChatMessage], current: BriefFields | None = None
    ) -> BriefFields:
        return await self._structured(
            prompts.brief_messages(messages, current), BriefDraft, brief_from, "the creative brief"
        )

    async def propose_moods(
        self, brief: CreativeBrief, count: int, avoid: Sequence[str] = ()
    ) -> list[MoodDirection]:
        return await self._structured(
            prompts.mood_messages(brief, count, avoid),
            MoodBoardDraft,
            lambda draft: moods_from(draft, count),
            "the moods",
        )

    async def plan_scenes(self, brief: CreativeBrief, mood: MoodStyle) -> ScenePlan:
        return await self._structured(
            prompts.plan_messages(brief, mood),
            StoryboardDraft,
            lambda draft: plan_from(draft, brief),
            "the scene plan",
        )

    async def aclose(self) -> None:
        await self._client.close()

    async def _structured(
        self,
        messages: prompts.Messages,
        draft: type[D],
        convert: Callable[[D], T],
        what: str,
    ) -> T:
        asked, problem = messages, ""
        for attempt in range(1, self._settings.structured_attempts + 1):
            answer = await self._complete(asked, draft, what)
            try:
                return convert(draft.model_validate_json(answer))
            except ValidationError as exc:
                problem = f"it does not match the JSON schema ({_first_error(exc)})"
            except DraftRejected as exc:
                problem = str(exc)
            logger.warning("%s, try %d: %s", what, attempt, problem)
            asked = [*messages, *prompts.ask_again(answer, problem)]
        raise ProviderBadOutput(
            f"{self._settings.model} wrote {what} against the rules "
            f"{self._settings.structured_attempts} times in a row; the last time: {problem}."
        )

    async def _complete(self, messages: prompts.Messages, draft: type[BaseModel], what: str) -> str:
        """One structured completion: its text, priced; refusals and cut-off answers raise."""
        async with self._slots:
            try:
                completion = await self._client.chat.completions.create(
                    model=self._settings.model,
                    messages=messages,
                    temperature=self._settings.temperature,
                    response_format=type_to_response_format_param(draft),
                )
            except openai.OpenAIError as exc:
                raise translate(exc, f"writing {what}") from exc
        record_usage(self._settings, completion.model or self._settings.model, completion.usage)
        if not completion.choices:
            raise ProviderBadOutput(f"{self._settings.model} returned no answer for {what}.")
        choice = completion.choices[0]
        if choice.message.refusal:
            raise ProviderRefused(
                f"{self._settings.model} declined to write {what}: {choice.message.refusal}"
            )
        if choice.finish_reason == "length":
            raise ProviderBadOutput(f"{self._settings.model}'s answer for {what} was cut off.")
        if choice.finish_reason == "content_filter":
            raise ProviderBadOutput(f"OpenAI's content filter stopped {what}.")
        return choice.message.content or ""


def _first_error(exc: ValidationError) -> str:
    error = exc.errors()[0]
    where = ".".join(str(part) for part in error["loc"]) or "the answer"
    return f"{where}: {error['msg']}"
