"""Step 1: the chat with the creative director and the brief it distils."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator

from app.errors import ProviderBadOutput
from app.models.chat import ChatMessage
from app.models.creative_brief import BriefFields, BriefSynthesis
from app.providers.base import Director
from app.services import ui_stream
from app.services.brand_reading import settle_brand
from app.services.job_errors import error_info


async def synthesize_brief(
    messages: list[ChatMessage], director: Director, current: BriefFields | None = None
) -> BriefSynthesis:
    brief = settle_brand(await director.synthesize_brief(messages, current), messages, current)
    missing = brief.missing_fields()
    return BriefSynthesis(creative_brief=brief, missing_fields=missing, complete=not missing)


async def stream_reply(
    messages: list[ChatMessage], director: Director, current: BriefFields | None = None
) -> AsyncIterator[str]:
    """The director's next turn as a UI message stream, then the brief as a `data-brief` part.

    The brief is settled first and the reply written knowing it, so the reply never claims a
    change the `data-brief` part does not carry. A failure mid-stream (a refusal included)
    becomes a failure with its code, after whatever was said before it: the response has
    already begun, so a status code can no longer say it. A text part opens with the first
    words, so a reply without any is never an empty bubble.
    """
    message_id = f"msg-{uuid.uuid4().hex}"
    text_id = f"text-{uuid.uuid4().hex}"
    text_open = False
    yield ui_stream.start(message_id)
    try:
        brief = await synthesize_brief(messages, director, current)
        async for chunk in director.reply(messages, current, brief.creative_brief):
            if not chunk:
                continue
            if not text_open:
                text_open = True
                yield ui_stream.text_start(text_id)
            yield ui_stream.text_delta(text_id, chunk)
        if not text_open:
            raise ProviderBadOutput("The director sent an empty reply; send your message again.")
        text_open = False
        yield ui_stream.text_end(text_id)
        yield ui_stream.data_part("brief", brief.model_dump(mode="json"))
    except Exception as exc:
        if text_open:
            yield ui_stream.text_end(text_id)
        info = error_info(exc, "talking with the director")
        yield ui_stream.failure(info.code, info.message)
    yield ui_stream.finish()
    yield ui_stream.DONE
