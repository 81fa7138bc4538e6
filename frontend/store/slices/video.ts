import type { StateCreator } from "zustand";

import { toggleFormat } from "@/lib/formats";
import type { ComposeStatusResponse, FinalVideo } from "@/types/video.types";

import type { AppState, JobClock, JobState, VideoSlice } from "../types";

export function idleJob<T>(output: T): JobState<T> {
  return {
    jobId: null,
    status: null,
    progress: 0,
    error: null,
    cost: null,
    clock: null,
    jobKey: null,
    output,
    outputKey: null,
  };
}

export const videoInitial = () =>
  ({
    clipJob: idleJob([]),
    composeJob: idleJob(null),
    composeFormats: ["9:16"],
    composeVoice: null,
    composeCaptions: true,
    composeWords: { job: null, output: null },
  }) satisfies Partial<VideoSlice>;

/** A job just accepted by the backend: processing from zero, the previous output in place. */
function started<T>(job: JobState<T>, jobId: string, jobKey: string): JobState<T> {
  const now = Date.now();
  return {
    ...job,
    jobId,
    jobKey,
    status: "processing",
    progress: 0,
    error: null,
    cost: null,
    clock: { startedAt: now, progressAt: now },
  };
}

/** Note when progress last moved, so the time left is estimated from real movement. */
function tick(clock: JobClock | null, moved: boolean): JobClock | null {
  return clock && moved ? { ...clock, progressAt: Date.now() } : clock;
}

interface JobReport {
  status: JobState<unknown>["status"];
  progress: number;
  error: JobState<unknown>["error"];
  cost?: JobState<unknown>["cost"];
}

/** The job after a status report: what the server said, except progress that went backwards. */
function reported<T>(job: JobState<T>, report: JobReport): JobState<T> {
  return {
    ...job,
    status: report.status,
    error: report.error,
    cost: report.cost ?? job.cost,
    // The last real progress stays: a job that stops part-way never jumps to 100 %.
    progress: Math.max(job.progress, report.progress),
    clock: tick(job.clock, report.progress > job.progress),
  };
}

function finalVideoOf(status: ComposeStatusResponse): FinalVideo | null {
  if (status.status !== "complete" || !status.final_video_url) return null;
  return {
    video_url: status.final_video_url,
    videos: status.final_videos ?? { "9:16": status.final_video_url },
    duration: status.duration ?? 30,
    audio_url: status.audio_url,
    captions_url: status.captions_url ?? null,
    captions_srt_url: status.captions_srt_url ?? null,
  };
}

export const createVideoSlice: StateCreator<AppState, [], [], VideoSlice> = (set) => ({
  ...videoInitial(),
  startClipJob: (jobId, clips, sourceKey) =>
    set((state) => ({
      // The job's clips replace the old ones at once: each scene shows its own clip's state.
      clipJob: { ...started(state.clipJob, jobId, sourceKey), output: clips, outputKey: sourceKey },
    })),
  applyClipStatus: (status) =>
    set((state) => {
      // A late answer about a job the user has since replaced changes nothing.
      if (status.job_id !== state.clipJob.jobId) return {};
      return { clipJob: { ...reported(state.clipJob, status), output: status.clips } };
    }),

  startComposeJob: (jobId, sourceKey, wordsKey) =>
    // The ad composed before stays on screen until a new one replaces it.
    set((state) => ({
      composeJob: started(state.composeJob, jobId, sourceKey),
      composeWords: { ...state.composeWords, job: wordsKey ?? null },
    })),
  applyComposeStatus: (status) =>
    set((state) => {
      const job = state.composeJob;
      if (status.job_id !== job.jobId) return {};
      const finished = finalVideoOf(status);
      const next = reported(job, status);
      if (!finished) return { composeJob: next };
      return {
        composeJob: { ...next, output: finished, outputKey: job.jobKey },
        composeWords: { ...state.composeWords, output: state.composeWords.job },
      };
    }),
  toggleComposeFormat: (format) =>
    set((state) => ({ composeFormats: toggleFormat(state.composeFormats, format) })),
  setComposeVoice: (composeVoice) => set({ composeVoice }),
  setComposeCaptions: (composeCaptions) => set({ composeCaptions }),
});
