import { apiRequest } from "@/lib/api/client";
import type { VoicePreviewRequest, VoicePreviewResponse, VoicesResponse } from "@/types/voice.types";

/** The voices a compose request may name, `none` last, and the server's default. */
export function listVoices(signal?: AbortSignal): Promise<VoicesResponse> {
  return apiRequest("/api/voices", { signal });
}

/** A short sentence said by `voice`, as one of our media URLs (spoken once, then kept). */
export function previewVoice(voice: string, text?: string): Promise<VoicePreviewResponse> {
  return apiRequest("/api/voices/preview", {
    body: (text ? { voice, text } : { voice }) satisfies VoicePreviewRequest,
  });
}
