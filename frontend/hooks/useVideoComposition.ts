"use client";

import { useCallback } from "react";

import { composeStatus, composeVideo, jobEvents } from "@/lib/api/video";
import { useAppStore } from "@/store/appStore";
import { clipsKey, wordsKey } from "@/store/keys";
import { tracked } from "@/store/requests";
import { finalStale, generatedClips, selectedMood } from "@/store/selectors";
import type { ErrorInfo } from "@/types/shared.types";

import { useJobPolling } from "./useJobPolling";
import { useRequestStatus } from "./useRequestStatus";

/** Step 5: music plus FFmpeg composition of the finished clips into the 30-second ad. */
export function useVideoComposition() {
  const {
    jobId,
    status,
    error: jobError,
    progress,
    clock,
    cost,
    output: finalVideo,
  } = useAppStore((s) => s.composeJob);
  const trouble = useAppStore((s) => s.pollTrouble.compose ?? null);
  const stale = useAppStore(finalStale);
  const request = useRequestStatus("compose");

  const start = useCallback(async () => {
    const state = useAppStore.getState();
    const mood = selectedMood(state);
    if (!state.creativeBrief || !mood) return;
    const { creativeBrief, startComposeJob, composeFormats, composeVoice, composeCaptions } = state;
    const clips = generatedClips(state);
    const scenes = state.scenePlan?.scenes ?? [];
    const callToAction = state.scenePlan?.call_to_action;
    const words = { scenes, call_to_action: callToAction, voice: composeVoice, captions: composeCaptions };
    const style = {
      style_name: mood.style_name,
      style_keywords: mood.style_keywords,
      color_palette: mood.color_palette,
    };
    await tracked("compose", async () => {
      const job = await composeVideo(clips, style, creativeBrief, composeFormats, words);
      startComposeJob(job.job_id, clipsKey(clips), wordsKey(scenes, callToAction, composeVoice, composeCaptions));
    }, { fields: true });
  }, []);

  return {
    jobId,
    status,
    jobError,
    progress,
    clock,
    cost,
    trouble,
    finalVideo,
    stale,
    request,
    start,
  };
}

/** Follows the composition job from the studio's root. */
export function useComposeJobPolling() {
  const jobId = useAppStore((s) => s.composeJob.jobId);
  const status = useAppStore((s) => s.composeJob.status);
  const applyComposeStatus = useAppStore((s) => s.applyComposeStatus);
  const setPollTrouble = useAppStore((s) => s.setPollTrouble);
  useJobPolling({
    jobId,
    status,
    fetchStatus: composeStatus,
    streamEvents: jobEvents,
    onStatus: applyComposeStatus,
    onTrouble: (error) => setPollTrouble("compose", error),
    onLost: (lostJobId: string, error: ErrorInfo) =>
      applyComposeStatus({
        job_id: lostJobId,
        status: "failed",
        progress: useAppStore.getState().composeJob.progress,
        final_video_url: null,
        duration: null,
        audio_url: null,
        error,
      }),
  });
}
