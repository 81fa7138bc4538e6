"use client";

import { useCallback } from "react";

import { clipStatus, generateClips, jobEvents, retryClips } from "@/lib/api/video";
import { useAppStore } from "@/store/appStore";
import { storyboardKey } from "@/store/keys";
import { tracked } from "@/store/requests";
import { clipsReady, clipsStale } from "@/store/selectors";
import type { SceneWithSeed } from "@/types/scene.types";
import type { ErrorInfo } from "@/types/shared.types";

import { useJobPolling } from "./useJobPolling";
import { useRequestStatus } from "./useRequestStatus";
import { toScenes } from "./useScenePlanning";

/** Step 4: one clip per scene, rendered in a background job; failed clips retried alone. */
export function useVideoGeneration() {
  const { jobId, status, error: jobError, output: clips, progress, clock, cost } = useAppStore(
    (s) => s.clipJob,
  );
  const trouble = useAppStore((s) => s.pollTrouble.clips ?? null);
  const ready = useAppStore(clipsReady);
  const stale = useAppStore(clipsStale);
  const request = useRequestStatus("clips");

  const start = useCallback(async () => {
    const { scenePlan, startClipJob } = useAppStore.getState();
    if (!scenePlan) return;
    const scenes: SceneWithSeed[] = toScenes(scenePlan.scenes).map((scene, i) => ({
      ...scene,
      seed_image_url: scenePlan.scenes[i]!.seed_image_url ?? "",
    }));
    await tracked("clips", async () => {
      const job = await generateClips(scenes);
      startClipJob(job.job_id, job.clips, storyboardKey(scenePlan.scenes));
    });
  }, []);

  const retry = useCallback(async (sceneNumbers: number[]) => {
    const { clipJob, startClipJob } = useAppStore.getState();
    const { jobId, outputKey } = clipJob;
    if (!jobId) return;
    await tracked("clips", async () => {
      const job = await retryClips(jobId, sceneNumbers);
      startClipJob(job.job_id, job.clips, outputKey ?? "");
    });
  }, []);

  return {
    jobId,
    status,
    jobError,
    clips,
    progress,
    clock,
    cost,
    trouble,
    ready,
    stale,
    request,
    start,
    retry,
  };
}

/** Follows the clip job from the studio's root, so progress keeps moving on any step. */
export function useClipJobPolling() {
  const jobId = useAppStore((s) => s.clipJob.jobId);
  const status = useAppStore((s) => s.clipJob.status);
  const applyClipStatus = useAppStore((s) => s.applyClipStatus);
  const setPollTrouble = useAppStore((s) => s.setPollTrouble);
  useJobPolling({
    jobId,
    status,
    fetchStatus: clipStatus,
    streamEvents: jobEvents,
    onStatus: applyClipStatus,
    onTrouble: (error) => setPollTrouble("clips", error),
    onLost: (lostJobId: string, error: ErrorInfo) => {
      const { output, progress } = useAppStore.getState().clipJob;
      applyClipStatus({ job_id: lostJobId, status: "failed", progress, clips: output, error });
    },
  });
}
