import { describe, expect, test } from "vitest";

import { STORE_NAME, STORE_VERSION, useAppStore } from "@/store/appStore";
import { briefKey, clipsKey, planKey } from "@/store/keys";
import {
  clipsReady,
  briefComplete,
  clipsStale,
  finalStale,
  finalVideo,
  missingFields,
  moodsStale,
  planStale,
  selectedMood,
  storyboardEdited,
  stepUnlocked,
  storyboardReady,
} from "@/store/selectors";
import type { BriefSynthesis } from "@/types/vision.types";
import { EMPTY_BRIEF } from "@/types/vision.types";
import { studioConfig } from "@/types/api.generated";
import { BRIEF_FIELDS } from "@/types/vision.types";

import {
  BRIEF,
  clip,
  composeAd,
  finishClips,
  MOODS,
  mood,
  seedStudio,
  seedUrl,
  startClips,
} from "./fixtures";

const store = () => useAppStore.getState();

function synthesis(
  brief: Partial<typeof BRIEF>,
  missing: BriefSynthesis["missing_fields"],
): BriefSynthesis {
  return {
    creative_brief: { ...EMPTY_BRIEF, ...brief },
    missing_fields: missing,
    complete: missing.length === 0,
  };
}

function durations(): number[] {
  return store().scenePlan!.scenes.map((s) => s.duration);
}

describe("the creative brief", () => {
  test("the director's reading fills the brief and lists what is still missing", () => {
    store().applyBriefSynthesis(
      synthesis({ product_name: "Glow Drops", emotional_tone: ["calm"] }, [
        "target_audience",
        "visual_style_keywords",
        "key_messages",
      ]),
    );
    expect(store().creativeBrief).toMatchObject({ product_name: "Glow Drops", emotional_tone: ["calm"] });
    expect(missingFields(store().creativeBrief)).toEqual(["target_audience", "visual_style_keywords", "key_messages"]);
    expect(briefComplete(store())).toBe(false);

    store().applyBriefSynthesis(synthesis(BRIEF, []));
    expect(store().creativeBrief).toEqual(BRIEF);
    expect(missingFields(store().creativeBrief)).toEqual([]);
    expect(briefComplete(store())).toBe(true);
  });

  test("completeness is derived from the brief with the backend's required fields, never stored", () => {
    expect(BRIEF_FIELDS).toEqual(studioConfig.brief.required_fields);
    expect(missingFields(null)).toEqual(studioConfig.brief.required_fields);
    store().applyBriefSynthesis(synthesis(BRIEF, []));
    expect(Object.keys(store())).not.toContain("missingFields");
    expect(Object.keys(store())).not.toContain("briefComplete");
    store().editBriefField("key_messages", ["  "]);
    expect(missingFields(store().creativeBrief)).toEqual(["key_messages"]);
  });

  test("the director's reading is shown as it is: it started from what the user typed", () => {
    store().applyBriefSynthesis(synthesis({ product_name: "Glow" }, ["target_audience"]));
    store().editBriefField("target_audience", "Students");
    const sent = store().creativeBrief;

    // The user asked in chat to change the audience they had typed: the panel follows.
    store().applyBriefSynthesis(
      synthesis({ product_name: "Glow", target_audience: "Couples from London" }, []),
      sent,
    );
    expect(store().creativeBrief?.target_audience).toBe("Couples from London");
  });

  test("a field typed while the director was answering keeps what the user typed", () => {
    store().applyBriefSynthesis(synthesis({ product_name: "Glow" }, ["target_audience"]));
    const sent = store().creativeBrief;
    store().editBriefField("product_name", "Glow Drops Serum");
    store().editBriefField("emotional_tone", ["bold"]);

    store().applyBriefSynthesis(
      synthesis({ product_name: "Glow", target_audience: "Women 25-40", emotional_tone: ["calm"] }, []),
      sent,
    );
    expect(store().creativeBrief).toMatchObject({
      product_name: "Glow Drops Serum",
      emotional_tone: ["bold"],
      // Fields the user did not touch follow the director.
      target_audience: "Women 25-40",
    });
  });

  test("filling a missing field by hand removes it from the list; emptying it adds it back", () => {
    store().applyBriefSynthesis(
      synthesis(
        { product_name: "Glow Drops", emotional_tone: ["calm"], visual_style_keywords: ["bold"] },
        ["target_audience", "key_messages"],
      ),
    );
    store().editBriefField("target_audience", "Runners");
    expect(missingFields(store().creativeBrief)).toEqual(["key_messages"]);
    store().editBriefField("key_messages", ["Lasts all day"]);
    expect(missingFields(store().creativeBrief)).toEqual([]);
    expect(briefComplete(store())).toBe(true);

    store().editBriefField("key_messages", []);
    expect(missingFields(store().creativeBrief)).toEqual(["key_messages"]);
    expect(briefComplete(store())).toBe(false);
  });

  test("typing one field before any director reply does not make the brief complete", () => {
    store().editBriefField("product_name", "Glow Drops");
    expect(briefComplete(store())).toBe(false);
    expect(missingFields(store().creativeBrief)).toEqual([
      "target_audience",
      "emotional_tone",
      "visual_style_keywords",
      "key_messages",
    ]);
  });

  test("a field the user emptied while the director answered stays missing", () => {
    store().applyBriefSynthesis(synthesis(BRIEF, []));
    const sent = store().creativeBrief;
    store().editBriefField("target_audience", "");
    expect(missingFields(store().creativeBrief)).toEqual(["target_audience"]);

    store().applyBriefSynthesis(synthesis(BRIEF, []), sent);
    expect(store().creativeBrief?.target_audience).toBe("");
    expect(missingFields(store().creativeBrief)).toEqual(["target_audience"]);
    expect(briefComplete(store())).toBe(false);
  });
});

describe("moods", () => {
  test("setMoods records every style name shown, once each", () => {
    store().setMoods(MOODS);
    store().setMoods([mood("mood-d", "Neon Night"), MOODS[1]!]);
    expect(store().shownStyleNames).toEqual([
      "Minimalist Gold Elegance",
      "Botanical Morning",
      "Midnight Luxe",
      "Neon Night",
    ]);
  });

  test("a new set keeps the earlier ones browsable, and the choice made in any of them", () => {
    store().setMoods(MOODS);
    store().selectMood("mood-b");
    expect(selectedMood(store())?.style_name).toBe("Botanical Morning");

    const second = [mood("mood-d", "Neon Night"), mood("mood-e", "Desert Dawn")];
    store().setMoods(second);
    expect(store().moods).toEqual(second);
    expect(store().moodSets.map((set) => set.moods)).toEqual([MOODS, second]);
    expect(store().moodSetIndex).toBe(1);
    // The mood chosen in set 1 stays chosen, and so the storyboard step stays open.
    expect(store().selectedMoodId).toBe("mood-b");
    expect(selectedMood(store())?.style_name).toBe("Botanical Morning");

    store().showMoodSet(0);
    expect(store().moods).toEqual(MOODS);
    expect(store().moodSetIndex).toBe(0);
    store().showMoodSet(7);
    expect(store().moodSetIndex).toBe(0);
  });

  test("a studio saved before sets were kept keeps its moods as the first set", () => {
    useAppStore.setState({ moods: MOODS, moodSets: [] });
    store().setMoods([mood("mood-d", "Neon Night")]);
    expect(store().moodSets.map((set) => set.moods.length)).toEqual([3, 1]);
  });
});

describe("storyboard edits through the store", () => {
  test("setSceneDuration keeps the ad at 30 s", () => {
    seedStudio();
    store().setSceneDuration(1, 10);
    expect(durations()[0]).toBe(10);
    expect(durations().reduce((a, b) => a + b)).toBe(30);

    store().setSceneDuration(5, 1);
    expect(durations()[4]).toBe(1);
    expect(durations().reduce((a, b) => a + b)).toBe(30);
  });

  test("a storyboard whose durations do not make 30 s is not ready for clips", () => {
    seedStudio();
    expect(storyboardReady(store())).toBe(true);
    const plan = store().scenePlan!;
    // Restored from an older save, say: the backend would refuse these durations.
    store().setScenePlan({
      ...plan,
      scenes: plan.scenes.map((s, i) => (i === 0 ? { ...s, duration: s.duration + 1 } : s)),
    });
    expect(storyboardReady(store())).toBe(false);
  });

  test("an unknown scene number changes nothing", () => {
    seedStudio();
    const before = store().scenePlan;
    store().setSceneDuration(9, 10);
    expect(store().scenePlan).toBe(before);
  });

  test("setSceneSeed records which description the image was painted for", () => {
    seedStudio({ seeded: false });
    expect(storyboardReady(store())).toBe(false);
    store().setSceneSeed(2, seedUrl(2, 1), 1, "The serum bottle on white marble");
    const scene = store().scenePlan!.scenes[1]!;
    expect(scene).toMatchObject({
      seed_image_url: seedUrl(2, 1),
      variation: 1,
      seed_description: "The serum bottle on white marble",
    });
  });
});

describe("stale work", () => {
  test("moods go stale when the brief changes, and fresh again when it is restored", () => {
    store().setCreativeBrief(BRIEF);
    store().setMoods(MOODS, briefKey(BRIEF));
    expect(moodsStale(store())).toBe(false);

    store().editBriefField("target_audience", "Men 40+");
    expect(moodsStale(store())).toBe(true);

    store().editBriefField("target_audience", BRIEF.target_audience);
    expect(moodsStale(store())).toBe(false);
  });

  test("the storyboard goes stale when another mood is chosen", () => {
    seedStudio();
    expect(planStale(store())).toBe(false);
    store().selectMood("mood-b");
    expect(planStale(store())).toBe(true);
    store().selectMood("mood-a");
    expect(planStale(store())).toBe(false);
    store().editBriefField("key_messages", ["Vegan"]);
    expect(planStale(store())).toBe(true);
  });

  test("clips go stale when a scene's description or duration changes", () => {
    seedStudio();
    startClips("job-1", [1, 2, 3, 4, 5].map((n) => clip(n, "processing")));
    expect(clipsStale(store())).toBe(false);

    store().editSceneDescription(3, "Rose petals drifting");
    expect(clipsStale(store())).toBe(true);

    store().editSceneDescription(3, "Botanical ingredients floating");
    expect(clipsStale(store())).toBe(false);
    store().setSceneDuration(3, 7);
    expect(clipsStale(store())).toBe(true);
  });

  test("the final ad goes stale when the clips change", () => {
    seedStudio();
    const clips = [1, 2, 3, 4, 5].map((n) => clip(n, "complete"));
    startClips("job-1", clips);
    store().startComposeJob("compose-1", clipsKey(clips));
    store().applyComposeStatus({
      job_id: "compose-1",
      status: "complete",
      progress: 100,
      final_video_url: "http://localhost:8000/media/final/ad.mp4",
      duration: 30,
      audio_url: null,
      error: null,
    });
    expect(finalVideo(store())?.video_url).toBe("http://localhost:8000/media/final/ad.mp4");
    expect(finalStale(store())).toBe(false);

    // Scene 2 rendered again: the ad no longer shows the clips on screen.
    startClips("job-2", clips);
    finishClips(
      "job-2",
      clips.map((c) => (c.scene_number === 2 ? { ...c, video_url: "http://localhost:8000/media/clips/v2.mp4" } : c)),
    );
    expect(finalStale(store())).toBe(true);
  });
});

describe("work that stays", () => {
  const composed = (jobId: string, url: string) => ({
    job_id: jobId,
    status: "complete" as const,
    progress: 100,
    final_video_url: url,
    duration: 30,
    audio_url: null,
    error: null,
  });

  test("a failed \"Compose again\" keeps the finished ad, with the error beside it", () => {
    seedStudio();
    const clips = [1, 2, 3, 4, 5].map((n) => clip(n, "complete"));
    startClips("job-1", clips);
    store().startComposeJob("compose-1", clipsKey(clips));
    store().applyComposeStatus(composed("compose-1", "http://localhost:8000/media/ads/a.mp4"));

    store().startComposeJob("compose-2", clipsKey(clips));
    expect(finalVideo(store())?.video_url).toBe("http://localhost:8000/media/ads/a.mp4");
    store().applyComposeStatus({
      ...composed("compose-2", ""),
      status: "failed",
      progress: 40,
      final_video_url: null,
      error: { code: "render_failed", message: "FFmpeg stopped." },
    });
    expect(finalVideo(store())?.video_url).toBe("http://localhost:8000/media/ads/a.mp4");
    expect(store().composeJob.error?.code).toBe("render_failed");
    expect(finalStale(store())).toBe(false);
  });

  test("the final ad is fresh for the clips its own job composed, not the job that failed", () => {
    seedStudio();
    const clips = [1, 2, 3, 4, 5].map((n) => clip(n, "complete"));
    startClips("job-1", clips);
    store().startComposeJob("compose-1", clipsKey(clips));
    store().applyComposeStatus(composed("compose-1", "http://localhost:8000/media/ads/a.mp4"));
    const newer = clips.map((c) => (c.scene_number === 2 ? { ...c, video_url: "http://x/v2.mp4" } : c));
    startClips("job-2", clips);
    finishClips("job-2", newer);
    store().startComposeJob("compose-2", clipsKey(newer));
    store().applyComposeStatus({ ...composed("compose-2", ""), status: "failed", final_video_url: null });
    expect(finalStale(store())).toBe(true);
  });

  test("a clip job that stops part-way keeps its last real progress", () => {
    seedStudio();
    startClips("job-1", [1, 2, 3, 4, 5].map((n) => clip(n, "processing")));
    const clips = [1, 2, 3, 4, 5].map((n) => clip(n, n <= 2 ? "complete" : "processing"));
    store().applyClipStatus({ job_id: "job-1", status: "processing", progress: 40, clips, error: null });
    store().applyClipStatus({
      job_id: "job-1",
      status: "failed",
      progress: 0,
      clips,
      error: { code: "job_not_found", message: "Gone." },
    });
    expect(store().clipJob.progress).toBe(40);
  });

  test("poll trouble is shown while it lasts and never saved", () => {
    store().setPollTrouble("clips", { code: "backend_unreachable", message: "Down." });
    expect(store().pollTrouble).toEqual({ clips: { code: "backend_unreachable", message: "Down." } });
    expect(localStorage.getItem(STORE_NAME) ?? "").not.toContain("backend_unreachable");
    store().setPollTrouble("clips", null);
    expect(store().pollTrouble).toEqual({});
  });

  test("the storyboard counts as edited once a scene's words, length or image change", () => {
    seedStudio();
    expect(storyboardEdited(store())).toBe(false);
    store().editSceneDescription(2, "A new idea");
    expect(storyboardEdited(store())).toBe(true);
    seedStudio();
    store().setSceneDuration(1, 5);
    expect(storyboardEdited(store())).toBe(true);
    seedStudio();
    store().setSceneSeed(1, "http://localhost:8000/media/seeds/other.png", 1, "x");
    expect(storyboardEdited(store())).toBe(true);
  });
});

describe("formats", () => {
  test("the formats to compose keep the studio's order and never run out", () => {
    expect(store().composeFormats).toEqual(["9:16"]);
    store().toggleComposeFormat("16:9");
    store().toggleComposeFormat("4:5");
    expect(store().composeFormats).toEqual(["9:16", "4:5", "16:9"]);
    store().toggleComposeFormat("9:16");
    store().toggleComposeFormat("4:5");
    expect(store().composeFormats).toEqual(["16:9"]);
    store().toggleComposeFormat("16:9");
    expect(store().composeFormats).toEqual(["16:9"]);
  });

  test("a finished composition keeps every format's video", () => {
    seedStudio();
    const clips = [1, 2, 3, 4, 5].map((n) => clip(n, "complete"));
    startClips("job-1", clips);
    store().startComposeJob("compose-1", clipsKey(clips));
    store().applyComposeStatus({
      job_id: "compose-1",
      status: "complete",
      progress: 100,
      final_video_url: "http://localhost:8000/media/ads/a.mp4",
      final_videos: {
        "9:16": "http://localhost:8000/media/ads/a.mp4",
        "1:1": "http://localhost:8000/media/ads/b.mp4",
      },
      duration: 30,
      audio_url: null,
      error: null,
    });
    expect(finalVideo(store())?.videos).toEqual({
      "9:16": "http://localhost:8000/media/ads/a.mp4",
      "1:1": "http://localhost:8000/media/ads/b.mp4",
    });
  });
});

describe("step progression", () => {
  const unlocked = () => ([1, 2, 3, 4, 5] as const).filter((s) => stepUnlocked(store(), s));

  test("each step opens once the work before it exists", () => {
    expect(unlocked()).toEqual([1]);

    store().editBriefField("product_name", "   ");
    expect(unlocked()).toEqual([1]);

    store().setCreativeBrief(BRIEF);
    expect(unlocked()).toEqual([1, 2]);

    store().setMoods(MOODS, briefKey(BRIEF));
    expect(unlocked()).toEqual([1, 2]);
    store().selectMood("mood-a");
    expect(unlocked()).toEqual([1, 2, 3]);

    seedStudio({ seeded: false });
    expect(unlocked()).toEqual([1, 2, 3]);
    for (const n of [1, 2, 3, 4, 5]) store().setSceneSeed(n, seedUrl(n), 0, "painted");
    expect(unlocked()).toEqual([1, 2, 3, 4]);

    startClips("job-1", [1, 2, 3, 4, 5].map((n) => clip(n, n === 5 ? "processing" : "complete")));
    expect(clipsReady(store())).toBe(false);
    expect(unlocked()).toEqual([1, 2, 3, 4]);

    finishClips("job-1", [1, 2, 3, 4, 5].map((n) => clip(n, "complete")));
    expect(unlocked()).toEqual([1, 2, 3, 4, 5]);
  });

  test("a finished ad keeps step 5 open while clips are re-rendered", () => {
    seedStudio();
    const clips = [1, 2, 3, 4, 5].map((n) => clip(n, "complete"));
    startClips("job-1", clips);
    finishClips("job-1", clips);
    composeAd("compose-1", "http://localhost:8000/media/final/ad.mp4");
    startClips("job-2", [1, 2, 3, 4, 5].map((n) => clip(n, "processing")));
    expect(stepUnlocked(store(), 5)).toBe(true);
  });

  test("setCurrentStep keeps the step within 1–5", () => {
    store().setCurrentStep(9);
    expect(store().currentStep).toBe(5);
    store().setCurrentStep(0);
    expect(store().currentStep).toBe(1);
    store().setCurrentStep(3);
    expect(store().currentStep).toBe(3);
  });
});

describe("clip job status", () => {
  const status = (jobId: string, state: "processing" | "complete" | "failed", progress: number) => ({
    job_id: jobId,
    status: state,
    progress,
    clips: [1, 2, 3, 4, 5].map((n) => clip(n, state === "complete" ? "complete" : "processing")),
    error: null,
  });

  test("a status for a job that is not the current one changes nothing", () => {
    seedStudio();
    startClips("job-2", [1, 2, 3, 4, 5].map((n) => clip(n, "processing")));
    const before = store();
    store().applyClipStatus(status("job-1", "complete", 100));
    expect(store().clipJob).toBe(before.clipJob);
    expect(store().clipJob).toMatchObject({ status: "processing", progress: 0 });
  });

  test("progress never moves backwards while processing", () => {
    seedStudio();
    startClips("job-1", [1, 2, 3, 4, 5].map((n) => clip(n, "processing")));
    store().applyClipStatus(status("job-1", "processing", 60));
    expect(store().clipJob.progress).toBe(60);
    store().applyClipStatus(status("job-1", "processing", 40));
    expect(store().clipJob.progress).toBe(60);
    store().applyClipStatus(status("job-1", "complete", 100));
    expect(store().clipJob.progress).toBe(100);
    expect(store().clipJob.status).toBe("complete");
    expect(clipsReady(store())).toBe(true);
  });

  test("a failed job records the backend's error", () => {
    seedStudio();
    startClips("job-1", [1, 2, 3, 4, 5].map((n) => clip(n, "processing")));
    store().applyClipStatus({
      ...status("job-1", "failed", 20),
      error: { code: "render_failed", message: "FFmpeg stopped." },
    });
    expect(store().clipJob.status).toBe("failed");
    expect(store().clipJob.error).toEqual({ code: "render_failed", message: "FFmpeg stopped." });
  });

  test("a new job starts from zero progress and clears the previous error", () => {
    seedStudio();
    startClips("job-1", [1, 2, 3, 4, 5].map((n) => clip(n, "processing")));
    store().applyClipStatus({ ...status("job-1", "failed", 80), error: { code: "render_failed", message: "y" } });
    startClips("job-2", [1, 2, 3, 4, 5].map((n) => clip(n, "processing")));
    expect(store().clipJob).toMatchObject({
      jobId: "job-2",
      status: "processing",
      error: null,
      progress: 0,
    });
  });
});

describe("reset", () => {
  test("returns to step 1 with an empty brief and a new conversation", () => {
    seedStudio();
    startClips("job-1", [1, 2, 3, 4, 5].map((n) => clip(n, "complete")));
    store().setCurrentStep(4);
    store().setRequest("clips", { state: "loading" });
    const chatId = store().chatId;

    store().reset();
    expect(store()).toMatchObject({
      currentStep: 1,
      creativeBrief: null,
      moods: [],
      selectedMoodId: null,
      shownStyleNames: [],
      scenePlan: null,
      clipJob: { jobId: null, status: null, progress: 0, output: [] },
      composeJob: { jobId: null, output: null },
      requests: {},
      chatMessages: [],
    });
    expect(store().chatId).not.toBe(chatId);
    expect(store().chatId).toMatch(/^chat-/);
  });
});

describe("persistence", () => {
  function saved(): { state: Record<string, unknown>; version: number } {
    const raw = localStorage.getItem(STORE_NAME);
    expect(raw).not.toBeNull();
    return JSON.parse(raw!) as { state: Record<string, unknown>; version: number };
  }

  test("saves the studio after each action, without requests in flight", () => {
    seedStudio();
    store().setCurrentStep(3);
    store().setRequest("seeds", { state: "loading" });

    const { state, version } = saved();
    expect(version).toBe(STORE_VERSION);
    expect(state).not.toHaveProperty("requests");
    expect(state).toMatchObject({
      currentStep: 3,
      creativeBrief: BRIEF,
      selectedMoodId: "mood-a",
      chatId: store().chatId,
    });
    expect((state.scenePlan as { scenes: unknown[] }).scenes).toHaveLength(5);
  });

  test("rehydrate() restores what was saved", async () => {
    seedStudio();
    store().setCurrentStep(3);
    store().setSceneDuration(2, 8);
    const chatId = store().chatId;
    const expected = {
      currentStep: 3,
      chatId,
      creativeBrief: store().creativeBrief,
      moods: store().moods,
      selectedMoodId: store().selectedMoodId,
      shownStyleNames: store().shownStyleNames,
      scenePlan: store().scenePlan,
    };
    const snapshot = localStorage.getItem(STORE_NAME)!;

    // A new page load: the store starts empty (reset also overwrites storage), then reads it.
    store().reset();
    expect(store().scenePlan).toBeNull();
    localStorage.setItem(STORE_NAME, snapshot);

    await useAppStore.persist.rehydrate();
    expect(store()).toMatchObject(expected);
    expect(durations()).toEqual([3.5, 8, 5.5, 5.5, 7.5]);
    expect(planKey(store().creativeBrief!, store().selectedMoodId)).toBe(store().scenePlan!.sourceKey);
    expect(store().requests).toEqual({});
    // The restored studio still works: an edit goes through and is saved again.
    store().setSceneDuration(2, 6);
    expect(durations()).toEqual([4, 6, 6, 6, 8]);
    expect(saved().state.scenePlan).toEqual(JSON.parse(JSON.stringify(store().scenePlan)));
  });
});
