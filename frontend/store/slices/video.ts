import type { StateCreator } from "zustand";

import { toggleFormat } from "@/lib/formats";

import type { AppState, JobClock, VideoSlice } from "../types";

export const videoInitial = () =>
  ({
    clipJobId: null,
    clipJobStatus: null,
    clipJobError: null,
    generatedClips: [],
    clipGenerationProgress: 0,
    clipsSourceKey: null,
    clipJobCost: null,
    clipJobClock: null,
    composeJobId: null,
    composeJobStatus: null,
    composeError: null,
    finalVideo: null,
    composeFormats: ["9:16"],
    compositionProgress: 0,
    finalSourceKey: null,
    composeJobKey: null,
    composeCost: null,
    composeClock: null,
  }) satisfies Partial<VideoSlice>;

function startClock(): JobClock {
  const now = Date.now();
  return { startedAt: now, progressAt: now };
}

/** Note when progress last moved, so the time left is estimated from real movement. */
function tick(clock: JobClock | null, moved: boolean): JobClock | null {
  return clock && moved ? { ...clock, progressAt: Date.now() } : clock;
}

export const createVideoSlice: StateCreator<AppState, [], [], VideoSlice> = (set) => ({
  ...videoInitial(),
  startClipJob: (clipJobId, generatedClips, clipsSourceKey) =>
    set({
      clipJobId,
      generatedClips,
      clipsSourceKey,
      clipJobStatus: "processing",
      clipJobError: null,
      clipGenerationProgress: 0,
      clipJobCost: null,
      clipJobClock: startClock(),
    }),
  applyClipStatus: (status) =>
    set((state) => {
      // A late answer about a job the user has since replaced changes nothing.
      if (status.job_id !== state.clipJobId) return {};
      return {
        clipJobStatus: status.status,
        clipJobError: status.error,
        generatedClips: status.clips,
        clipJobCost: status.cost ?? state.clipJobCost,
        // The last real progress stays: a job that stops part-way never jumps to 100 %.
        clipGenerationProgress: Math.max(state.clipGenerationProgress, status.progress),
        clipJobClock: tick(state.clipJobClock, status.progress > state.clipGenerationProgress),
      };
    }),
  setGeneratedClips: (generatedClips) => set({ generatedClips }),
  updateClipProgress: (progress) =>
    set((state) => ({ clipGenerationProgress: Math.max(state.clipGenerationProgress, progress) })),

  startComposeJob: (composeJobId, finalSourceKey) =>
    // The ad composed before stays on screen until a new one replaces it.
    set({
      composeJobId,
      composeJobKey: finalSourceKey,
      composeJobStatus: "processing",
      composeError: null,
      compositionProgress: 0,
      composeCost: null,
      composeClock: startClock(),
    }),
  applyComposeStatus: (status) =>
    set((state) => {
      if (status.job_id !== state.composeJobId) return {};
      const finished = status.status === "complete" && status.final_video_url;
      return {
        composeJobStatus: status.status,
        composeError: status.error,
        compositionProgress: Math.max(state.compositionProgress, status.progress),
        composeClock: tick(state.composeClock, status.progress > state.compositionProgress),
        composeCost: status.cost ?? state.composeCost,
        finalSourceKey: finished ? state.composeJobKey : state.finalSourceKey,
        finalVideo: finished
          ? {
              video_url: status.final_video_url!,
              videos: status.final_videos ?? { "9:16": status.final_video_url! },
              duration: status.duration ?? 30,
              audio_url: status.audio_url,
            }
          : state.finalVideo,
      };
    }),
  setFinalVideo: (finalVideo) => set({ finalVideo }),
  toggleComposeFormat: (format) =>
    set((state) => ({ composeFormats: toggleFormat(state.composeFormats, format) })),
  updateCompositionProgress: (progress) =>
    set((state) => ({ compositionProgress: Math.max(state.compositionProgress, progress) })),
});
