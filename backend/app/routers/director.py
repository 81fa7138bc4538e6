from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import StreamingResponse

from app.deps import ProvidersDep
from app.models.chat import BriefRequest, ChatRequest
from app.models.creative_brief import BriefSynthesis
from app.routers.responses import BODY, PROVIDERS
from app.services import director_service, ui_stream

router = APIRouter(prefix="/api/director", tags=["director"], responses=BODY)


@router.post("/chat", response_class=StreamingResponse)
async def chat(request: ChatRequest, providers: ProvidersDep) -> StreamingResponse:
    """The director's next turn, streamed in the AI SDK's UI message stream protocol."""
    return StreamingResponse(
        director_service.stream_reply(request.chat_messages(), providers.director),
        media_type=ui_stream.MEDIA_TYPE,
        headers=ui_stream.HEADERS,
    )


@router.post("/brief", responses=PROVIDERS)
async def brief(request: BriefRequest, providers: ProvidersDep) -> BriefSynthesis:
    """The creative brief the conversation has settled so far, with what is still missing."""
    return await director_service.synthesize_brief(request.chat_messages(), providers.director)
