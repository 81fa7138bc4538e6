"""The voices a compose request may name, and a short preview of each."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.exceptions import RequestValidationError

from app.deps import ProvidersDep, RateLimit, SettingsDep, StoreDep
from app.models.voice import VoicePreviewRequest, VoicePreviewResponse, VoicesResponse
from app.routers.responses import BODY, LIMITED, PROVIDERS, STORAGE, merge
from app.services import voice_catalogue
from app.services.script_service import NO_VOICE, voice_problem

router = APIRouter(prefix="/api/voices", tags=["voices"])


@router.get("")
async def list_voices(providers: ProvidersDep, settings: SettingsDep) -> VoicesResponse:
    """Every voice of the server's voice provider, then `none`, and the default one."""
    return VoicesResponse(
        voices=voice_catalogue.voices(providers.voice),
        default=voice_catalogue.default_voice(providers.voice, settings.voice.name),
    )


# A preview may be a paid call (OpenAI's voices): it spends the user's allowance like the steps.
@router.post(
    "/preview", responses=merge(BODY, PROVIDERS, STORAGE, LIMITED), dependencies=[RateLimit]
)
async def preview_voice(
    request: VoicePreviewRequest, providers: ProvidersDep, store: StoreDep
) -> VoicePreviewResponse:
    """A short sentence said by one voice, as a WAV in our media store (kept: asked again, it
    is the same file, not spoken twice)."""
    if request.voice.lower() == NO_VOICE:
        raise RequestValidationError(
            [_field("voice", "`none` is music only: there is no voice to hear.", "voice_none")]
        )
    refused = voice_problem(request.voice, providers.voice)
    if refused is not None:
        raise RequestValidationError([refused])
    if request.text is not None and not request.text.strip():
        raise RequestValidationError(
            [_field("text", "Give a sentence to say, or leave the text out.", "text_empty")]
        )
    return await voice_catalogue.preview(providers.voice, store, request.voice, request.text)


def _field(name: str, message: str, kind: str) -> dict[str, object]:
    return {"loc": ["body", name], "msg": message, "type": kind}
