import { afterEach, describe, expect, test, vi } from "vitest";

import { generateMoods } from "@/lib/api/moods";
import { deleteProject, listProjects, updateProject } from "@/lib/api/projects";
import { ApiError } from "@/lib/errors";
import { useAppStore } from "@/store/appStore";
import { handEdits, newProjectBody } from "@/store/project";
import { ensureProject, openProject, type SaveState, startAutosave } from "@/store/projectSync";
import { clipsStale, finalStale, finalVideo, moodsStale, planStale, selectedMood } from "@/store/selectors";
import type { Project } from "@/types/project.types";

import {
  BRIEF,
  clip,
  composeAd,
  finishClips,
  jsonResponse,
  mood,
  MOODS,
  SCENES,
  seedStudio,
  seedUrl,
  startClips,
  stubBackend,
} from "./fixtures";

const store = () => useAppStore.getState();
const PROJECT_ID = "7d4c0f8e-3a41-4a55-9e0c-2b8f1f0b9a11";
const NOW = "2026-11-30T12:00:00Z";

const OTHER_SET = [mood("mood-d", "Coastal Calm"), mood("mood-e", "Neon Night"), mood("mood-f", "Warm Oak")];

/** A project as `GET /api/projects/{id}` answers it, after every step ran once. */
function savedProject(overrides: Partial<Project> = {}): Project {
  return {
    project_id: PROJECT_ID,
    name: "Glow Drops launch",
    created_at: NOW,
    updated_at: NOW,
    thumbnail_url: seedUrl(1),
    chat: [
      { id: "m1", role: "user", parts: [{ type: "text", text: "An ad for Glow Drops" }] },
      { id: "m2", role: "assistant", parts: [{ type: "text", text: "Who is it for?" }] },
    ],
    creative_brief: BRIEF,
    mood_sets: [MOODS, OTHER_SET],
    selected_mood: MOODS[1]!,
    scene_plan: { total_duration: 30, scenes: SCENES },
    scenes_with_seeds: SCENES.map((s) => ({ ...s, seed_image_url: seedUrl(s.scene_number) })),
    clips: SCENES.map((s) => clip(s.scene_number, "complete")),
    clip_job_id: "job-clips",
    ads: [
      {
        ad_id: "ad-1",
        job_id: "job-compose",
        final_video_url: "http://localhost:8000/media/ads/final.mp4",
        final_videos: { "9:16": "http://localhost:8000/media/ads/final.mp4" },
        audio_url: null,
        captions_url: "http://localhost:8000/media/captions/final.vtt",
        captions_srt_url: "http://localhost:8000/media/captions/final.srt",
        poster_url: seedUrl(1),
        duration: 30,
        estimated_usd: 0,
        created_at: NOW,
      },
    ],
    ...overrides,
  } as Project;
}

afterEach(() => {
  vi.useRealTimers();
});

describe("the projects API client", () => {
  test("lists projects newest first, as the backend sends them", async () => {
    const summary = { project_id: PROJECT_ID, name: "A", created_at: NOW, updated_at: NOW, thumbnail_url: null, ad_count: 0 };
    const calls = stubBackend({ "GET /api/projects": () => jsonResponse({ projects: [summary] }) });
    await expect(listProjects()).resolves.toEqual([summary]);
    expect(calls).toEqual([{ url: "/api/projects", method: "GET", body: undefined }]);
  });

  test("a rename is a PATCH of the name only; a delete's empty 204 is success", async () => {
    const calls = stubBackend({
      [`PATCH /api/projects/${PROJECT_ID}`]: () => jsonResponse(savedProject({ name: "New name" })),
      [`DELETE /api/projects/${PROJECT_ID}`]: () => new Response(null, { status: 204 }),
    });
    await updateProject(PROJECT_ID, { name: "New name" });
    await deleteProject(PROJECT_ID);
    expect(calls.map((c) => [c.method, c.body])).toEqual([
      ["PATCH", { name: "New name" }],
      ["DELETE", undefined],
    ]);
  });

  test("a project deleted elsewhere is an ApiError with the backend's code and sentence", async () => {
    stubBackend({
      [`GET /api/projects/${PROJECT_ID}`]: () =>
        jsonResponse(
          { detail: "No such project.", code: "project_not_found", message: "No such project." },
          { status: 404 },
        ),
    });
    const failure = openProject(PROJECT_ID);
    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({ code: "project_not_found", message: "No such project." });
  });
});

describe("every step is recorded in the current project", () => {
  test("the first step makes the project with the work so far, once, and names it after", async () => {
    store().setCreativeBrief(BRIEF);
    const calls = stubBackend({
      "POST /api/projects": ({ body }) => jsonResponse(savedProject({ ...(body as object), ads: [] }), { status: 201 }),
      "POST /api/moods/generate": () => jsonResponse({ moods: MOODS }),
    });
    await Promise.all([generateMoods(BRIEF), generateMoods(BRIEF)]);
    await generateMoods(BRIEF);

    expect(calls.filter((c) => c.url === "/api/projects")).toHaveLength(1);
    expect(calls[0]!.body).toMatchObject({ creative_brief: BRIEF, chat: [] });
    expect(calls.slice(1).map((c) => c.url)).toEqual(
      Array(3).fill(`/api/moods/generate?project_id=${PROJECT_ID}`),
    );
    expect(store().projectId).toBe(PROJECT_ID);
  });

  test("a project deleted in another browser is replaced by a new one holding the work, and the step runs for it", async () => {
    store().setProject("gone", "Deleted elsewhere");
    store().setCreativeBrief(BRIEF);
    const calls = stubBackend({
      "POST /api/projects": () => jsonResponse(savedProject({ ads: [] }), { status: 201 }),
      "POST /api/moods/generate": ({ url }) =>
        url.includes("project_id=gone")
          ? jsonResponse(
              { detail: "No such project.", code: "project_not_found", message: "No such project." },
              { status: 404 },
            )
          : jsonResponse({ moods: MOODS }),
    });
    await expect(generateMoods(BRIEF)).resolves.toEqual(MOODS);
    expect(calls.map((c) => c.url)).toEqual([
      "/api/moods/generate?project_id=gone",
      "/api/projects",
      `/api/moods/generate?project_id=${PROJECT_ID}`,
    ]);
    expect(calls[1]!.body).toMatchObject({ creative_brief: BRIEF });
    expect(store().projectId).toBe(PROJECT_ID);
  });

  test("a project already open is used as it is", async () => {
    store().setProject("p-1", "Mine");
    const calls = stubBackend({});
    await expect(ensureProject()).resolves.toBe("p-1");
    expect(calls).toEqual([]);
  });
});

describe("opening a project", () => {
  test("shows its work as saved, current rather than stale, at the furthest step", async () => {
    store().setCreativeBrief({ ...BRIEF, product_name: "Something else" });
    stubBackend({ [`GET /api/projects/${PROJECT_ID}`]: () => jsonResponse(savedProject()) });
    await openProject(PROJECT_ID);

    const state = store();
    expect(state.projectId).toBe(PROJECT_ID);
    expect(state.projectName).toBe("Glow Drops launch");
    expect(state.creativeBrief).toEqual(BRIEF);
    expect(state.chatMessages.map((m) => m.id)).toEqual(["m1", "m2"]);
    // Both sets stay browsable; the one holding the chosen mood is on screen.
    expect(state.moodSets.map((s) => s.moods)).toEqual([MOODS, OTHER_SET]);
    expect(state.moods).toEqual(MOODS);
    expect(selectedMood(state)?.mood_id).toBe("mood-b");
    expect(state.scenePlan?.scenes.map((s) => s.seed_image_url)).toEqual(SCENES.map((s) => seedUrl(s.scene_number)));
    expect(state.clipJob.output).toHaveLength(SCENES.length);
    expect(finalVideo(state)?.video_url).toBe("http://localhost:8000/media/ads/final.mp4");
    // The ad's captions come back with it: the final step offers them without composing again.
    expect(finalVideo(state)?.captions_url).toBe("http://localhost:8000/media/captions/final.vtt");
    expect(finalVideo(state)?.captions_srt_url).toBe("http://localhost:8000/media/captions/final.srt");
    expect([moodsStale(state), planStale(state), clipsStale(state), finalStale(state)]).toEqual([
      false,
      false,
      false,
      false,
    ]);
    expect(state.currentStep).toBe(5);
  });

  test("a project with only a chat opens on the vision step with nothing else", async () => {
    seedStudio();
    stubBackend({
      [`GET /api/projects/${PROJECT_ID}`]: () =>
        jsonResponse(
          savedProject({
            mood_sets: [],
            selected_mood: null,
            scene_plan: null,
            scenes_with_seeds: [],
            clips: [],
            clip_job_id: null,
            ads: [],
          }),
        ),
    });
    await openProject(PROJECT_ID);
    expect(store().currentStep).toBe(1);
    expect([store().moods, store().scenePlan, finalVideo(store())]).toEqual([[], null, null]);
  });

  test("the studio's work, made into a project and opened again, is the same work", () => {
    seedStudio();
    const clips = SCENES.map((s) => clip(s.scene_number, "complete"));
    startClips("job-clips", clips);
    finishClips("job-clips", clips);
    composeAd("job-compose", "http://localhost:8000/media/ads/final.mp4");
    const before = store();
    const body = newProjectBody(before);
    store().reset();
    store().loadProject({ ...savedProject(), ...body, mood_sets: body.mood_sets ?? [] } as Project);
    expect(handEdits(store())).toEqual(handEdits(before));
    expect(store().scenePlan?.scenes).toEqual(before.scenePlan?.scenes);
  });
});

describe("hand edits are saved", () => {
  test("edits are sent once, after a pause, with the brief, the mood and the storyboard", async () => {
    vi.useFakeTimers();
    seedStudio();
    store().setProject(PROJECT_ID, "Mine");
    const save = vi.fn(async () => savedProject());
    const states: SaveState["state"][] = [];
    const stop = startAutosave({ delayMs: 500, save, onState: (s) => states.push(s.state) });

    store().editBriefField("product_name", "Glow");
    store().editBriefField("product_name", "Glow Drops Plus");
    store().selectMood("mood-c");
    store().editSceneDescription(2, "The bottle on black slate");
    await vi.advanceTimersByTimeAsync(499);
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);

    expect(save).toHaveBeenCalledTimes(1);
    const [id, patch] = save.mock.calls[0] as unknown as [string, ReturnType<typeof handEdits>];
    expect(id).toBe(PROJECT_ID);
    expect(patch.creative_brief?.product_name).toBe("Glow Drops Plus");
    expect(patch.selected_mood?.mood_id).toBe("mood-c");
    expect(patch.scene_plan?.scenes[1]?.description).toBe("The bottle on black slate");
    // The storyboard goes in the API's shape: the studio's seed bookkeeping stays home.
    expect(Object.keys(patch.scene_plan!.scenes[1]!)).not.toContain("variation");
    expect(states).toEqual(["saving", "saved"]);
    stop();
  });

  test("opening a project, or having none, saves nothing", async () => {
    vi.useFakeTimers();
    const save = vi.fn(async () => savedProject());
    const stop = startAutosave({ delayMs: 100, save });
    store().editBriefField("product_name", "No project yet");
    store().loadProject(savedProject());
    await vi.advanceTimersByTimeAsync(1000);
    expect(save).not.toHaveBeenCalled();
    stop();
  });

  test("a failed save says why, and the next edit tries again", async () => {
    vi.useFakeTimers();
    store().loadProject(savedProject());
    const save = vi
      .fn<typeof updateProject>()
      .mockRejectedValueOnce(new ApiError("storage_full", "The disk is full."))
      .mockResolvedValue(savedProject());
    const states: SaveState[] = [];
    const stop = startAutosave({ delayMs: 100, save, onState: (s) => states.push(s) });
    store().editBriefField("product_name", "First");
    await vi.advanceTimersByTimeAsync(100);
    expect(states.at(-1)).toEqual({ state: "error", error: { code: "storage_full", message: "The disk is full." } });
    store().editBriefField("product_name", "Second");
    await vi.advanceTimersByTimeAsync(100);
    expect(save).toHaveBeenCalledTimes(2);
    expect(states.at(-1)).toEqual({ state: "saved" });
    stop();
  });
});
