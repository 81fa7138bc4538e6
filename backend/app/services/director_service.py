"""Step 1: the chat with the creative director and the brief it distils."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator

from app.models.chat import ChatMessage
from app.models.creative_brief import BriefFields, BriefSynthesis
from app.providers.base import Director
from app.services import ui_stream
from app.services.job_errors import error_info


async def synthesize_brief(
    messages: list[ChatMessage], director: Director, current: BriefFields | None = None
) -> BriefSynthesis:
    brief = await director.synthesize_brief(messages, current)
    missing = brief.missing_fields()
    return BriefSynthesis(creative_brief=brief, missing_fields=missing, complete=not missing)


async def stream_reply(
    messages: list[ChatMessage], director: Director, current: BriefFields | None = None
) -> AsyncIterator[str]:
    """The director's next turn as a UI message stream, then the brief as a `data-brief` part.

    The brief is settled first and the reply written knowing it, so the reply never claims a
    change the `data-brief` part does not carry. A failure mid-stream becomes an `error` part:
    the response has already begun, so a status code can no longer say it.
    """
    message_id = f"msg-{uuid.uuid4().hex}"
    text_id = f"text-{uuid.uuid4().hex}"
    yield ui_stream.start(message_id)
    try:
        brief = await synthesize_brief(messages, director, current)
        yield ui_stream.text_start(text_id)
        async for chunk in director.reply(messages, current, brief.creative_brief):
            yield ui_stream.text_delta(text_id, chunk)
        yield ui_stream.text_end(text_id)
        yield ui_stream.data_part("brief", brief.model_dump(mode="json"))
    except Exception as exc:
        yield ui_stream.error(error_info(exc, "talking with the director").message)
    yield ui_stream.finish()
    yield ui_stream.DONE
