import type { ErrorInfo, JobStatus } from "./shared.types";

/** What a job spent at the model providers; zero calls when only local providers ran. */
export interface JobCost {
  calls: number;
  estimated_usd: number;
}

/** One scene's clip (backend `Clip`). */
export interface GeneratedClip {
  scene_number: number;
  status: JobStatus;
  video_url: string | null;
  duration: number | null;
  error: ErrorInfo | null;
}

export interface GenerateVideoResponse {
  job_id: string;
  status: JobStatus;
  clips: GeneratedClip[];
}

export interface VideoStatusResponse {
  job_id: string;
  status: JobStatus;
  progress: number;
  clips: GeneratedClip[];
  error: ErrorInfo | null;
  cost?: JobCost;
}

/** The shapes an ad can be made in: 9:16 is 1080×1920, 1:1 1080×1080, 4:5 1080×1350,
 * 16:9 1920×1080. */
export type AdFormat = "9:16" | "1:1" | "4:5" | "16:9";

export interface ComposeResponse {
  job_id: string;
  status: JobStatus;
}

export interface ComposeStatusResponse {
  job_id: string;
  status: JobStatus;
  progress: number;
  final_video_url: string | null;
  /** Every format asked for → its video; `final_video_url` is the first. */
  final_videos?: Partial<Record<AdFormat, string>>;
  duration: number | null;
  audio_url: string | null;
  error: ErrorInfo | null;
  cost?: JobCost;
}

export interface FinalVideo {
  video_url: string;
  /** Every format composed → its video, in the order asked for. */
  videos?: Partial<Record<AdFormat, string>>;
  duration: number;
  audio_url: string | null;
}
