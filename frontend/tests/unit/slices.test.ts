import { describe, expect, test } from "vitest";

import { useAppStore } from "@/store/appStore";
import { clipsKey } from "@/store/keys";
import { finalVideo } from "@/store/selectors";

import { clip, composeAd, finishClips, seedStudio, startClips } from "./fixtures";

const store = () => useAppStore.getState();

describe("the requests slice", () => {
  test("a request is shown while it runs and gone once it is done", () => {
    store().setRequest("plan", { state: "loading" });
    store().setRequest("seed-3", { state: "error", error: { code: "provider_error", message: "x" } });
    expect(Object.keys(store().requests)).toEqual(["plan", "seed-3"]);
    store().setRequest("plan", null);
    expect(store().requests).toEqual({ "seed-3": { state: "error", error: { code: "provider_error", message: "x" } } });
  });

  test("clearing poll trouble that was never there changes nothing (no re-render)", () => {
    const before = store().pollTrouble;
    store().setPollTrouble("compose", null);
    expect(store().pollTrouble).toBe(before);
  });

  test("reset clears requests and poll trouble with the rest of the studio", () => {
    store().setRequest("clips", { state: "loading" });
    store().setPollTrouble("clips", { code: "backend_unreachable", message: "Down." });
    store().reset();
    expect(store()).toMatchObject({ requests: {}, pollTrouble: {} });
  });
});

describe("one state per job", () => {
  test("a clip job's cost survives a later report that does not repeat it", () => {
    seedStudio();
    const clips = [1, 2, 3, 4, 5].map((n) => clip(n, "processing"));
    startClips("job-1", clips);
    store().applyClipStatus({
      job_id: "job-1",
      status: "processing",
      progress: 20,
      clips,
      error: null,
      cost: { calls: 2, estimated_usd: 0.5 },
    });
    store().applyClipStatus({ job_id: "job-1", status: "processing", progress: 40, clips, error: null });
    expect(store().clipJob).toMatchObject({ progress: 40, cost: { calls: 2, estimated_usd: 0.5 } });
  });

  test("a new clip job starts with no cost and a fresh clock", () => {
    seedStudio();
    const clips = [1, 2, 3, 4, 5].map((n) => clip(n, "complete"));
    startClips("job-1", clips);
    store().applyClipStatus({
      job_id: "job-1",
      status: "complete",
      progress: 100,
      clips,
      error: null,
      cost: { calls: 5, estimated_usd: 1 },
    });
    startClips("job-2", clips);
    expect(store().clipJob).toMatchObject({ jobId: "job-2", cost: null, progress: 0, status: "processing" });
    expect(store().clipJob.clock?.startedAt).toBe(store().clipJob.clock?.progressAt);
  });

  test("the finished ad records the clips its own job composed, while a new job runs on", () => {
    seedStudio();
    const clips = [1, 2, 3, 4, 5].map((n) => clip(n, "complete"));
    startClips("job-1", clips);
    finishClips("job-1", clips);
    composeAd("compose-1", "http://localhost:8000/media/ads/a.mp4");
    expect(store().composeJob).toMatchObject({
      status: "complete",
      outputKey: clipsKey(clips),
      output: { video_url: "http://localhost:8000/media/ads/a.mp4", videos: { "9:16": "http://localhost:8000/media/ads/a.mp4" } },
    });

    store().startComposeJob("compose-2", "other-clips");
    expect(store().composeJob).toMatchObject({ jobKey: "other-clips", outputKey: clipsKey(clips), progress: 0 });
    expect(finalVideo(store())?.video_url).toBe("http://localhost:8000/media/ads/a.mp4");
  });

  test("a composition reported complete without a video keeps the ad there was", () => {
    seedStudio();
    store().startComposeJob("compose-1", "k");
    store().applyComposeStatus({
      job_id: "compose-1",
      status: "complete",
      progress: 100,
      final_video_url: null,
      duration: null,
      audio_url: null,
      error: null,
    });
    expect(finalVideo(store())).toBeNull();
    expect(store().composeJob.outputKey).toBeNull();
  });
});
