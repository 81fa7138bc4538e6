/** Realistic backend payloads and store set-ups shared by the unit tests. */
import { vi } from "vitest";

import { useAppStore } from "@/store/appStore";
import { clipsKey, planKey, storyboardKey } from "@/store/keys";
import type { Mood } from "@/types/mood.types";
import type { Scene, StoryboardScene } from "@/types/scene.types";
import type { GeneratedClip } from "@/types/video.types";
import type { CreativeBrief } from "@/types/vision.types";

export const BRIEF: CreativeBrief = {
  product_name: "Glow Drops",
  target_audience: "Women 25-40",
  emotional_tone: ["elegant", "calming"],
  visual_style_keywords: ["minimalist", "white", "gold"],
  key_messages: ["Natural ingredients"],
};

export function mood(id: string, styleName: string): Mood {
  return {
    mood_id: id,
    style_name: styleName,
    style_keywords: ["minimalist", "white", "gold"],
    reference_images: [1, 2, 3, 4].map((i) => `http://localhost:8000/media/moods/${id}-${i}.png`),
    color_palette: ["#FFFFFF", "#D4AF37", "#1A1A1A"],
  };
}

export const MOODS: Mood[] = [
  mood("mood-a", "Minimalist Gold Elegance"),
  mood("mood-b", "Botanical Morning"),
  mood("mood-c", "Midnight Luxe"),
];

/** The backend's example storyboard: five scenes summing to 30 s. */
export const SCENES: Scene[] = [
  { scene_number: 1, duration: 4, description: "A golden drop falls onto white marble", style_prompt: "soft light", camera_move: "push_in" },
  { scene_number: 2, duration: 6, description: "The serum bottle on white marble", style_prompt: "soft light", camera_move: "pan_left" },
  { scene_number: 3, duration: 6, description: "Botanical ingredients floating", style_prompt: "soft light", camera_move: null },
  { scene_number: 4, duration: 6, description: "A woman smiling at her glowing skin", style_prompt: "soft light", camera_move: "rise" },
  { scene_number: 5, duration: 8, description: "The bottle with the product name", style_prompt: "soft light", camera_move: "pull_out" },
];

export function seedUrl(sceneNumber: number, variation = 0): string {
  return `http://localhost:8000/media/seeds/scene-${sceneNumber}-v${variation}.png`;
}

export function storyboardScenes(seeded: boolean): StoryboardScene[] {
  return SCENES.map((scene) => ({
    ...scene,
    seed_image_url: seeded ? seedUrl(scene.scene_number) : null,
    seed_description: seeded ? scene.description : null,
    variation: 0,
  }));
}

export function clip(sceneNumber: number, status: GeneratedClip["status"]): GeneratedClip {
  return {
    scene_number: sceneNumber,
    status,
    video_url: status === "complete" ? `http://localhost:8000/media/clips/scene-${sceneNumber}.mp4` : null,
    duration: SCENES[sceneNumber - 1]?.duration ?? null,
    error:
      status === "failed"
        ? { code: "render_failed", message: "FFmpeg could not render this clip." }
        : null,
  };
}

/** The studio as it stands after steps 1–3: a brief, a chosen mood, a seeded storyboard. */
export function seedStudio({ seeded = true }: { seeded?: boolean } = {}): void {
  const store = useAppStore.getState();
  store.setCreativeBrief(BRIEF);
  store.setMoods(MOODS);
  store.selectMood("mood-a");
  store.setScenePlan({
    total_duration: 30,
    scenes: storyboardScenes(seeded),
    sourceKey: planKey(BRIEF, "mood-a"),
  });
}

/** The studio with a clip job started for the current storyboard. */
export function startClips(jobId: string, clips: GeneratedClip[]): void {
  const { scenePlan, startClipJob } = useAppStore.getState();
  startClipJob(jobId, clips, storyboardKey(scenePlan!.scenes));
}

/** The clip job `jobId` reports it finished with `clips` (as the backend's status says). */
export function finishClips(jobId: string, clips: GeneratedClip[]): void {
  useAppStore.getState().applyClipStatus({ job_id: jobId, status: "complete", progress: 100, clips, error: null });
}

/** A composition of the current clips ran to the end and made the ad at `url`. */
export function composeAd(jobId: string, url: string): void {
  const state = useAppStore.getState();
  state.startComposeJob(jobId, clipsKey(state.clipJob.output));
  state.applyComposeStatus({
    job_id: jobId,
    status: "complete",
    progress: 100,
    final_video_url: url,
    duration: 30,
    audio_url: null,
    error: null,
  });
}

export function jsonResponse(body: unknown, init: ResponseInit = {}): Response {
  return new Response(JSON.stringify(body), {
    status: 200,
    headers: { "Content-Type": "application/json" },
    ...init,
  });
}

export interface RecordedCall {
  url: string;
  method: string;
  body: unknown;
}

type Route = (call: RecordedCall) => Response | Promise<Response>;

/**
 * Stub `fetch` with a handler per "METHOD /path" (paths without the API origin). Unknown routes
 * fail the test loudly. Returns the list of calls made, in order.
 */
export function stubBackend(routes: Record<string, Route>): RecordedCall[] {
  const calls: RecordedCall[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    const method = init?.method ?? "GET";
    const body = typeof init?.body === "string" ? (JSON.parse(init.body) as unknown) : undefined;
    const call = { url: url.pathname + url.search, method, body };
    calls.push(call);
    const route = routes[`${method} ${url.pathname}`];
    if (!route) throw new Error(`unexpected request ${method} ${url.pathname}`);
    return route(call);
  });
  vi.stubGlobal("fetch", fetchMock);
  return calls;
}

export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
