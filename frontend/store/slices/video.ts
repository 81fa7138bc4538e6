import type { StateCreator } from "zustand";

import { toggleFormat } from "@/lib/formats";

import type { AppState, VideoSlice } from "../types";

export const videoInitial = () =>
  ({
    clipJobId: null,
    clipJobStatus: null,
    clipJobError: null,
    generatedClips: [],
    clipGenerationProgress: 0,
    clipsSourceKey: null,
    clipJobCost: null,
    composeJobId: null,
    composeJobStatus: null,
    composeError: null,
    finalVideo: null,
    composeFormats: ["9:16"],
    compositionProgress: 0,
    finalSourceKey: null,
    composeCost: null,
  }) satisfies Partial<VideoSlice>;

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
        clipGenerationProgress: Math.max(
          status.status === "processing" ? state.clipGenerationProgress : 0,
          status.progress,
        ),
      };
    }),
  setGeneratedClips: (generatedClips) => set({ generatedClips }),
  updateClipProgress: (progress) =>
    set((state) => ({ clipGenerationProgress: Math.max(state.clipGenerationProgress, progress) })),

  startComposeJob: (composeJobId, finalSourceKey) =>
    set({
      composeJobId,
      finalSourceKey,
      composeJobStatus: "processing",
      composeError: null,
      compositionProgress: 0,
      finalVideo: null,
      composeCost: null,
    }),
  applyComposeStatus: (status) =>
    set((state) => {
      if (status.job_id !== state.composeJobId) return {};
      const finished = status.status === "complete" && status.final_video_url;
      return {
        composeJobStatus: status.status,
        composeError: status.error,
        compositionProgress: Math.max(state.compositionProgress, status.progress),
        composeCost: status.cost ?? state.composeCost,
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
