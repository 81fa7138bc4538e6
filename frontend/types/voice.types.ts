/** Voices (backend `app/models/voice.py`), as generated from the OpenAPI. */
import type { Schemas } from "./shared.types";

export type Voice = Schemas["Voice"];

export type VoicesResponse = Schemas["VoicesResponse"];

export type VoicePreviewRequest = Schemas["VoicePreviewRequest"];

export type VoicePreviewResponse = Schemas["VoicePreviewResponse"];
