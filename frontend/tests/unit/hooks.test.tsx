import { act, renderHook } from "@testing-library/react";
import { describe, expect, test } from "vitest";

import { useMoodGeneration } from "@/hooks/useMoodGeneration";
import { useScenePlanning } from "@/hooks/useScenePlanning";
import { useVideoComposition } from "@/hooks/useVideoComposition";
import { useVideoGeneration } from "@/hooks/useVideoGeneration";
import { useAppStore } from "@/store/appStore";
import { briefKey, planKey, storyboardKey } from "@/store/keys";
import { moodsStale, planStale, storyboardReady } from "@/store/selectors";
import type { SceneWithSeed } from "@/types/scene.types";

import {
  BRIEF,
  clip,
  jsonResponse,
  MOODS,
  mood,
  SCENES,
  seedStudio,
  seedUrl,
  startClips,
  stubBackend,
} from "./fixtures";

const store = () => useAppStore.getState();

const MOOD_STYLE = {
  style_name: MOODS[0]!.style_name,
  style_keywords: MOODS[0]!.style_keywords,
  color_palette: MOODS[0]!.color_palette,
};

const SEEDED: SceneWithSeed[] = SCENES.map((s) => ({ ...s, seed_image_url: seedUrl(s.scene_number) }));

/** The studio after step 2: a brief and a chosen mood, no storyboard yet. */
function chooseMood() {
  store().setCreativeBrief(BRIEF);
  store().setMoods(MOODS, briefKey(BRIEF));
  store().selectMood("mood-a");
}

describe("useMoodGeneration", () => {
  test("generate() stores the moods for the current brief", async () => {
    store().setCreativeBrief(BRIEF);
    const calls = stubBackend({ "POST /api/moods/generate": () => jsonResponse({ moods: MOODS }) });
    const { result } = renderHook(() => useMoodGeneration());

    await act(() => result.current.generate());
    expect(calls).toEqual([
      { url: "/api/moods/generate", method: "POST", body: { creative_brief: BRIEF, avoid_styles: [] } },
    ]);
    expect(result.current.moods).toEqual(MOODS);
    expect(result.current.stale).toBe(false);
    expect(result.current.request).toBeUndefined();
    expect(store().moodsKey).toBe(briefKey(BRIEF));
  });

  test("regenerating fresh moods asks the backend to avoid every style shown so far", async () => {
    store().setCreativeBrief(BRIEF);
    store().setMoods(MOODS, briefKey(BRIEF));
    const next = [mood("mood-d", "Neon Night"), mood("mood-e", "Desert Dawn"), mood("mood-f", "Rain Glass")];
    const calls = stubBackend({ "POST /api/moods/generate": () => jsonResponse({ moods: next }) });
    const { result } = renderHook(() => useMoodGeneration());

    await act(() => result.current.generate({ fresh: true }));
    expect(calls[0]!.body).toMatchObject({
      avoid_styles: ["Minimalist Gold Elegance", "Botanical Morning", "Midnight Luxe"],
    });
    expect(store().shownStyleNames).toHaveLength(6);
    expect(result.current.moods).toEqual(next);
  });

  test("a failure is shown with the backend's code and leaves the moods as they were", async () => {
    store().setCreativeBrief(BRIEF);
    store().setMoods(MOODS, briefKey(BRIEF));
    store().editBriefField("emotional_tone", ["bold"]);
    stubBackend({
      "POST /api/moods/generate": () =>
        jsonResponse({ detail: "The image provider timed out.", code: "provider_timed_out" }, { status: 504 }),
    });
    const { result } = renderHook(() => useMoodGeneration());
    expect(result.current.stale).toBe(true);

    await act(() => result.current.generate());
    expect(result.current.request).toEqual({
      state: "error",
      error: { code: "provider_timed_out", message: "The image provider timed out." },
    });
    expect(result.current.moods).toEqual(MOODS);
    expect(moodsStale(store())).toBe(true);
  });

  test("without a brief there is nothing to ask for", async () => {
    const calls = stubBackend({});
    const { result } = renderHook(() => useMoodGeneration());
    await act(() => result.current.generate());
    expect(calls).toEqual([]);
  });
});

describe("useScenePlanning", () => {
  test("painting the missing seeds keeps the takes the user already has", async () => {
    chooseMood();
    store().setScenePlan({
      total_duration: 30,
      sourceKey: planKey(BRIEF, "mood-a"),
      scenes: SCENES.map((s) => ({
        ...s,
        seed_image_url: s.scene_number === 1 ? "http://api/media/seeds/chosen-take.png" : null,
        seed_description: s.scene_number === 1 ? s.description : null,
        variation: s.scene_number === 1 ? 3 : 0,
      })),
    });
    stubBackend({ "POST /api/scenes/seeds": () => jsonResponse({ scenes_with_seeds: SEEDED }) });
    const { result } = renderHook(() => useScenePlanning());

    await act(() => result.current.paintSeeds());
    const scenes = store().scenePlan!.scenes;
    expect(scenes[0]).toMatchObject({ seed_image_url: "http://api/media/seeds/chosen-take.png", variation: 3 });
    expect(scenes.slice(1).map((s) => s.seed_image_url)).toEqual(SEEDED.slice(1).map((s) => s.seed_image_url));
  });

  test("plan() stores the storyboard, then paints a seed for every scene", async () => {
    chooseMood();
    const calls = stubBackend({
      "POST /api/scenes/plan": () => jsonResponse({ scene_plan: { total_duration: 30, scenes: SCENES } }),
      "POST /api/scenes/seeds": () => {
        // The storyboard is in the store, without seeds, while the images are painted.
        expect(store().scenePlan?.scenes.map((s) => s.seed_image_url)).toEqual([null, null, null, null, null]);
        expect(store().requests).toEqual({ seeds: { state: "loading" } });
        return jsonResponse({ scenes_with_seeds: SEEDED });
      },
    });
    const { result } = renderHook(() => useScenePlanning());

    await act(() => result.current.plan());
    expect(calls.map((c) => c.url)).toEqual(["/api/scenes/plan", "/api/scenes/seeds"]);
    expect(calls[0]!.body).toEqual({ creative_brief: BRIEF, selected_mood: MOODS[0] });
    // The backend gets plain scenes and the mood's style, not the studio's bookkeeping.
    expect(calls[1]!.body).toEqual({ scenes: SCENES, mood_style: MOOD_STYLE, creative_brief: BRIEF });

    const plan = result.current.scenePlan!;
    expect(plan.sourceKey).toBe(planKey(BRIEF, "mood-a"));
    expect(plan.scenes.map((s) => s.duration)).toEqual([4, 6, 6, 6, 8]);
    expect(plan.scenes.map((s) => s.seed_image_url)).toEqual(SEEDED.map((s) => s.seed_image_url));
    expect(plan.scenes.every((s) => s.seed_description === s.description && s.variation === 0)).toBe(true);
    expect(storyboardReady(store())).toBe(true);
    expect(result.current.stale).toBe(false);
    expect(store().requests).toEqual({});
  });

  test("a failing seeds call keeps the storyboard and records the backend's error", async () => {
    chooseMood();
    stubBackend({
      "POST /api/scenes/plan": () => jsonResponse({ scene_plan: { total_duration: 30, scenes: SCENES } }),
      "POST /api/scenes/seeds": () =>
        jsonResponse(
          { detail: "The image provider failed: out of credits.", code: "provider_error" },
          { status: 502 },
        ),
    });
    const { result } = renderHook(() => useScenePlanning());

    await act(() => result.current.plan());
    expect(result.current.scenePlan?.scenes.map((s) => s.description)).toEqual(SCENES.map((s) => s.description));
    expect(result.current.scenePlan?.scenes.every((s) => s.seed_image_url === null)).toBe(true);
    expect(result.current.planRequest).toBeUndefined();
    expect(result.current.seedsRequest).toEqual({
      state: "error",
      error: { code: "provider_error", message: "The image provider failed: out of credits." },
    });
    expect(storyboardReady(store())).toBe(false);
  });

  test("paintSeeds() after a failure paints the storyboard as it now stands", async () => {
    chooseMood();
    store().setScenePlan({
      total_duration: 30,
      sourceKey: planKey(BRIEF, "mood-a"),
      scenes: SCENES.map((s) => ({ ...s, seed_image_url: null, seed_description: null, variation: 0 })),
    });
    store().setRequest("seeds", { state: "error", error: { code: "provider_error", message: "x" } });
    store().editSceneDescription(2, "The bottle on black slate");
    const calls = stubBackend({
      "POST /api/scenes/seeds": ({ body }) =>
        jsonResponse({
          scenes_with_seeds: (body as { scenes: SceneWithSeed[] }).scenes.map((s) => ({
            ...s,
            seed_image_url: seedUrl(s.scene_number),
          })),
        }),
    });
    const { result } = renderHook(() => useScenePlanning());

    await act(() => result.current.paintSeeds());
    expect((calls[0]!.body as { scenes: SceneWithSeed[] }).scenes[1]!.description).toBe("The bottle on black slate");
    expect(result.current.seedsRequest).toBeUndefined();
    expect(storyboardReady(store())).toBe(true);
  });

  test("a failing plan call records the error and paints nothing", async () => {
    chooseMood();
    const calls = stubBackend({
      "POST /api/scenes/plan": () =>
        jsonResponse(
          {
            detail: [{ loc: ["body", "selected_mood", "style_name"], msg: "Field required", type: "missing" }],
            code: "validation_error",
          },
          { status: 422 },
        ),
    });
    const { result } = renderHook(() => useScenePlanning());

    await act(() => result.current.plan());
    expect(calls).toHaveLength(1);
    expect(result.current.scenePlan).toBeNull();
    expect(result.current.planRequest).toEqual({
      state: "error",
      error: { code: "validation_error", message: "selected_mood › style_name: Field required" },
    });
  });

  test("repaint() asks for the next take of one scene and marks it painted for its text", async () => {
    seedStudio();
    store().editSceneDescription(3, "Rose petals drifting");
    const calls = stubBackend({
      "POST /api/scenes/seeds/3": () =>
        jsonResponse({
          scene_with_seed: { ...SCENES[2], description: "Rose petals drifting", seed_image_url: seedUrl(3, 1) },
        }),
    });
    const { result } = renderHook(() => useScenePlanning());

    await act(() => result.current.repaint(3));
    expect(calls[0]!.body).toMatchObject({ variation: 1, mood_style: MOOD_STYLE });
    expect((calls[0]!.body as { scenes: unknown[] }).scenes).toHaveLength(5);
    expect(store().scenePlan!.scenes[2]).toMatchObject({
      seed_image_url: seedUrl(3, 1),
      seed_description: "Rose petals drifting",
      variation: 1,
    });
    expect(store().requests).toEqual({});
  });

  test("the storyboard is stale once another mood is chosen", () => {
    seedStudio();
    const { result } = renderHook(() => useScenePlanning());
    expect(result.current.stale).toBe(false);
    act(() => store().selectMood("mood-c"));
    expect(result.current.stale).toBe(true);
    expect(planStale(store())).toBe(true);
  });
});

describe("useVideoGeneration", () => {
  test("start() sends every scene with its seed and follows the new job", async () => {
    seedStudio();
    const queued = [1, 2, 3, 4, 5].map((n) => clip(n, "processing"));
    const calls = stubBackend({
      "POST /api/video/generate": () => jsonResponse({ job_id: "job-1", status: "processing", clips: queued }),
    });
    const { result } = renderHook(() => useVideoGeneration());

    await act(() => result.current.start());
    expect(calls[0]!.body).toEqual({ scenes: SEEDED });
    expect(result.current).toMatchObject({ jobId: "job-1", status: "processing", clips: queued, stale: false });
    expect(store().clipJob.outputKey).toBe(storyboardKey(store().scenePlan!.scenes));
  });

  test("retry() renders only the named scenes again, in a new job for the same storyboard", async () => {
    seedStudio();
    const sourceKey = storyboardKey(store().scenePlan!.scenes);
    store().startClipJob("job-1", [1, 2, 3, 4, 5].map((n) => clip(n, n === 4 ? "failed" : "complete")), sourceKey);
    const calls = stubBackend({
      "POST /api/video/generate/job-1/retry": () =>
        jsonResponse({
          job_id: "job-2",
          status: "processing",
          clips: [1, 2, 3, 4, 5].map((n) => clip(n, n === 4 ? "processing" : "complete")),
        }),
    });
    const { result } = renderHook(() => useVideoGeneration());

    await act(() => result.current.retry([4]));
    expect(calls[0]!.body).toEqual({ scene_numbers: [4] });
    expect(result.current.jobId).toBe("job-2");
    expect(store().clipJob.outputKey).toBe(sourceKey);
    expect(result.current.clips[3]!.status).toBe("processing");
  });
});

describe("useVideoComposition", () => {
  test("start() asks for the formats the user picked, in the studio's order", async () => {
    seedStudio();
    const clips = [1, 2, 3, 4, 5].map((n) => clip(n, "complete"));
    startClips("job-1", clips);
    store().toggleComposeFormat("16:9");
    store().toggleComposeFormat("1:1");
    const calls = stubBackend({
      "POST /api/video/compose": () => jsonResponse({ job_id: "compose-1", status: "processing" }),
    });
    const { result } = renderHook(() => useVideoComposition());

    await act(() => result.current.start());
    expect((calls[0]!.body as { formats: string[] }).formats).toEqual(["9:16", "1:1", "16:9"]);
    expect(result.current.jobId).toBe("compose-1");
  });
});
