import { apiFetch, apiRequest } from "@/lib/api/client";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/errors";
import { readEventStream } from "@/lib/eventStream";
import type { MoodStyle } from "@/types/mood.types";
import type { SceneWithSeed, StoryboardScene } from "@/types/scene.types";
import type {
  AdFormat,
  ComposeRequest,
  ComposeResponse,
  ComposeStatusResponse,
  CostEstimate,
  EstimateRequest,
  GeneratedClip,
  GenerateVideoRequest,
  GenerateVideoResponse,
  RetryClipsRequest,
  VideoStatusResponse,
} from "@/types/video.types";
import type { CreativeBrief } from "@/types/vision.types";

export function generateClips(scenes: SceneWithSeed[]): Promise<GenerateVideoResponse> {
  return apiRequest("/api/video/generate", { body: { scenes } satisfies GenerateVideoRequest, record: true });
}

/** A new job that keeps the finished clips and renders the named scenes again. */
export function retryClips(jobId: string, sceneNumbers: number[]): Promise<GenerateVideoResponse> {
  return apiRequest(`/api/video/generate/${encodeURIComponent(jobId)}/retry`, {
    body: { scene_numbers: sceneNumbers } satisfies RetryClipsRequest,
    record: true,
  });
}

export function clipStatus(jobId: string, signal?: AbortSignal): Promise<VideoStatusResponse> {
  return apiRequest(`/api/video/status/${encodeURIComponent(jobId)}`, { signal });
}

/** What rendering these scenes, then composing the ad, would cost; and today's budget. */
export function estimateCost(scenes: SceneWithSeed[], signal?: AbortSignal): Promise<CostEstimate> {
  return apiRequest("/api/video/estimate", { body: { scenes } satisfies EstimateRequest, signal });
}

/** Where a job's progress is pushed as Server-Sent Events. */
export function jobEventsUrl(jobId: string): string {
  return `${env.apiUrl}/api/jobs/${encodeURIComponent(jobId)}/events`;
}

/**
 * The backend sends a keep-alive comment every 15 s on a quiet stream: three missed in a row
 * and the stream is taken for dropped (then the job is polled).
 */
export const EVENTS_SILENCE_MS = 45_000;

/**
 * Follow a job's pushed progress: each `message` event's data (the job's status body, as JSON
 * text) handed to `onMessage`, until the stream ends (resolves) or `signal` aborts. Sent through
 * the studio's one `fetch`, so with accounts on it carries the signed-in user's token, which
 * `EventSource` cannot send. A refusal (401, 404, 503 when every stream slot is taken), a
 * network failure or an answer that is not an event stream rejects with an `ApiError`; a
 * stream that drops or goes quiet for `EVENTS_SILENCE_MS` rejects too.
 */
export async function jobEvents(
  jobId: string,
  onMessage: (data: string) => void,
  signal: AbortSignal,
): Promise<void> {
  const response = await apiFetch()(jobEventsUrl(jobId), {
    headers: { Accept: "text/event-stream" },
    cache: "no-store",
    signal,
  });
  const type = response.headers.get("Content-Type")?.toLowerCase() ?? "";
  if (!response.body || !type.startsWith("text/event-stream")) {
    void response.body?.cancel().catch(() => {});
    throw new ApiError("bad_response", "The Reelsmith server sent progress the studio could not read.");
  }
  await readEventStream(
    response.body,
    // The backend names no events: each is a `message`, as `EventSource.onmessage` hears them.
    (event) => {
      if (event.event === undefined || event.event === "message") onMessage(event.data);
    },
    { signal, silenceMs: EVENTS_SILENCE_MS },
  );
}

/** What the ad says, from the storyboard and the composition step's choices. */
export interface ComposeWords {
  scenes: Pick<StoryboardScene, "scene_number" | "on_screen_text" | "voiceover">[];
  call_to_action?: string;
  /** A voice id, `none`, or null for the server's default (then not sent). */
  voice: string | null;
  captions: boolean;
}

/** The compose request: each finished clip with its scene's title and line. */
export function composeBody(
  clips: GeneratedClip[],
  mood: MoodStyle,
  creativeBrief: CreativeBrief,
  formats: readonly AdFormat[] = ["9:16"],
  words?: ComposeWords,
): ComposeRequest {
  const byScene = new Map(words?.scenes.map((scene) => [scene.scene_number, scene]));
  return {
    // Only finished clips have a video; the backend names any scene left without one.
    clips: clips.flatMap(({ scene_number, video_url, duration }) => {
      if (!video_url) return [];
      const scene = byScene.get(scene_number);
      return [
        {
          scene_number,
          video_url,
          duration,
          on_screen_text: scene?.on_screen_text?.trim() ?? "",
          voiceover: scene?.voiceover?.trim() ?? "",
        },
      ];
    }),
    mood,
    creative_brief: creativeBrief,
    formats: [...formats],
    ...(words
      ? {
          call_to_action: words.call_to_action?.trim() ?? "",
          captions: words.captions,
          ...(words.voice ? { voice: words.voice } : {}),
        }
      : {}),
  };
}

export function composeVideo(
  clips: GeneratedClip[],
  mood: MoodStyle,
  creativeBrief: CreativeBrief,
  formats: readonly AdFormat[] = ["9:16"],
  words?: ComposeWords,
): Promise<ComposeResponse> {
  return apiRequest("/api/video/compose", {
    body: composeBody(clips, mood, creativeBrief, formats, words),
    record: true,
  });
}

export function composeStatus(jobId: string, signal?: AbortSignal): Promise<ComposeStatusResponse> {
  return apiRequest(`/api/video/compose/status/${encodeURIComponent(jobId)}`, { signal });
}

/** A link that makes the backend send the file as an attachment under `fileName`. */
export function downloadUrl(mediaUrl: string, fileName: string): string {
  const url = new URL(mediaUrl, env.apiUrl);
  url.searchParams.set("download", fileName);
  return url.toString();
}
