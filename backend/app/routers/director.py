from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import StreamingResponse

from app.deps import DbDep, ProvidersDep, RateLimit
from app.models.chat import BriefRequest, ChatRequest
from app.models.creative_brief import BriefSynthesis
from app.routers.projects import ProjectParam
from app.routers.responses import BODY, LIMITED, PROJECT, PROVIDERS, merge
from app.services import director_service, project_recording, ui_stream

router = APIRouter(prefix="/api/director", tags=["director"], responses=merge(BODY, PROJECT))


@router.post("/chat", response_class=StreamingResponse, responses=LIMITED, dependencies=[RateLimit])
async def chat(
    request: ChatRequest, providers: ProvidersDep, db: DbDep, project_id: ProjectParam
) -> StreamingResponse:
    """The director's next turn, streamed in the AI SDK's UI message stream protocol."""
    stream = director_service.stream_reply(
        request.chat_messages(), providers.director, request.creative_brief
    )
    if project_id is not None:
        stream = project_recording.record_chat_stream(db, project_id, request.messages, stream)
    return StreamingResponse(
        stream,
        media_type=ui_stream.MEDIA_TYPE,
        headers=ui_stream.HEADERS,
    )


@router.post("/brief", responses=merge(PROVIDERS, LIMITED), dependencies=[RateLimit])
async def brief(
    request: BriefRequest, providers: ProvidersDep, db: DbDep, project_id: ProjectParam
) -> BriefSynthesis:
    """The creative brief the conversation has settled so far, with what is still missing."""
    synthesis = await director_service.synthesize_brief(
        request.chat_messages(), providers.director, request.creative_brief
    )
    if project_id is not None:
        await project_recording.record_brief(
            db, project_id, synthesis.creative_brief, request.messages
        )
    return synthesis
