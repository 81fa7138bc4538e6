import { describe, expect, test } from "vitest";

import { STORE_NAME, STORE_VERSION, useAppStore } from "@/store/appStore";
import { clipsKey, planKey, storyboardKey } from "@/store/keys";
import { migrateStudio } from "@/store/migrate";
import { clipsStale, finalStale, finalVideo, stepUnlocked } from "@/store/selectors";

import { BRIEF, clip, MOODS, storyboardScenes } from "./fixtures";

const store = () => useAppStore.getState();

/** A studio saved by version 1 of the store: a finished ad, and a new clip job in flight. */
function v1Save() {
  const scenes = storyboardScenes(true);
  const clips = [1, 2, 3, 4, 5].map((n) => clip(n, "complete"));
  return {
    currentStep: 4,
    chatId: "chat-1",
    chatMessages: [],
    creativeBrief: BRIEF,
    missingFields: [],
    briefComplete: true,
    productPhotos: [],
    logo: null,
    moods: MOODS,
    moodSets: [{ moods: MOODS, key: null }],
    moodSetIndex: 0,
    selectedMoodId: "mood-a",
    shownStyleNames: MOODS.map((m) => m.style_name),
    moodsKey: null,
    scenePlan: { total_duration: 30, scenes, sourceKey: planKey(BRIEF, "mood-a") },
    clipJobId: "job-7",
    clipJobStatus: "processing",
    clipJobError: null,
    generatedClips: clips,
    clipGenerationProgress: 60,
    clipsSourceKey: storyboardKey(scenes),
    clipJobCost: { calls: 5, estimated_usd: 1.25 },
    clipJobClock: { startedAt: 1000, progressAt: 4000 },
    composeJobId: "compose-3",
    composeJobStatus: "complete",
    composeError: null,
    finalVideo: { video_url: "http://localhost:8000/media/ads/a.mp4", duration: 30, audio_url: null },
    composeFormats: ["9:16", "1:1"],
    compositionProgress: 100,
    finalSourceKey: clipsKey(clips),
    composeJobKey: clipsKey(clips),
    composeCost: null,
    composeClock: null,
  };
}

describe("a studio saved by the previous version", () => {
  test("reloads where the user was: the job in flight, the finished ad, the chosen formats", async () => {
    localStorage.setItem(STORE_NAME, JSON.stringify({ state: v1Save(), version: 1 }));

    await useAppStore.persist.rehydrate();

    expect(store().currentStep).toBe(4);
    expect(store().clipJob).toEqual({
      jobId: "job-7",
      status: "processing",
      progress: 60,
      error: null,
      cost: { calls: 5, estimated_usd: 1.25 },
      clock: { startedAt: 1000, progressAt: 4000 },
      jobKey: v1Save().clipsSourceKey,
      output: v1Save().generatedClips,
      outputKey: v1Save().clipsSourceKey,
    });
    expect(store().composeJob).toMatchObject({ jobId: "compose-3", status: "complete", progress: 100 });
    expect(finalVideo(store())?.video_url).toBe("http://localhost:8000/media/ads/a.mp4");
    expect(store().composeFormats).toEqual(["9:16", "1:1"]);
    // Nothing the user made is called stale by the upgrade, and every step stays open.
    expect(clipsStale(store())).toBe(false);
    expect(finalStale(store())).toBe(false);
    expect(stepUnlocked(store(), 5)).toBe(true);
  });

  test("the old loose fields are not carried into the new save", async () => {
    localStorage.setItem(STORE_NAME, JSON.stringify({ state: v1Save(), version: 1 }));
    await useAppStore.persist.rehydrate();
    store().setCurrentStep(5);

    const saved = JSON.parse(localStorage.getItem(STORE_NAME)!) as {
      state: Record<string, unknown>;
      version: number;
    };
    expect(saved.version).toBe(STORE_VERSION);
    for (const old of ["clipJobId", "generatedClips", "finalVideo", "compositionProgress", "composeError"]) {
      expect(saved.state).not.toHaveProperty(old);
    }
    expect(saved.state).toHaveProperty("clipJob.jobId", "job-7");
  });

  test("a save from before clocks, costs and the in-flight key gets an idle job's values", () => {
    const { clipJobClock, clipJobCost, composeJobKey, composeClock, composeCost, ...older } = v1Save();
    const state = migrateStudio({ ...older, clipJobId: null, clipJobStatus: null }, 1);
    expect(state.clipJob).toMatchObject({ jobId: null, status: null, cost: null, clock: null });
    // The ad then came from the clips its key names; a later compose job starts from there.
    expect(state.composeJob).toMatchObject({ jobKey: older.finalSourceKey, outputKey: older.finalSourceKey });
    expect(state.clipJob?.output).toHaveLength(5);
  });

  test("a save that is not an object restores nothing rather than breaking the studio", () => {
    expect(migrateStudio(null, 1)).toEqual({});
    expect(migrateStudio("garbage", 0)).toEqual({});
  });
});
