/** Clip and composition jobs (backend `app/models/video.py`), as generated from the OpenAPI. */
import type { ErrorInfo, Schemas, Sent } from "./shared.types";

/** What a job spent at the model providers; zero calls when only local providers ran. */
export type JobCost = Omit<Sent<Schemas["JobCost"]>, "items"> & Pick<Schemas["JobCost"], "items">;

export type GenerateVideoRequest = Schemas["GenerateVideoRequest"];

export type RetryClipsRequest = Schemas["RetryClipsRequest"];

export type ComposeRequest = Schemas["ComposeRequest"];

/** One scene's clip (backend `Clip`). */
export type GeneratedClip = Sent<Schemas["Clip-Output"]>;

export type GenerateVideoResponse = Omit<Sent<Schemas["GenerateVideoResponse"]>, "clips"> & {
  clips: GeneratedClip[];
};

export type VideoStatusResponse = Omit<Schemas["VideoStatusResponse"], "clips" | "error" | "cost"> & {
  clips: GeneratedClip[];
  error: ErrorInfo | null;
  cost?: JobCost;
};

/** The shapes an ad can be made in: 9:16 is 1080×1920, 1:1 1080×1080, 4:5 1080×1350,
 * 16:9 1920×1080. */
export type AdFormat = NonNullable<Schemas["ComposeRequest"]["formats"]>[number];

export type ComposeResponse = Schemas["ComposeResponse"];

export type ComposeStatusResponse = Omit<
  Schemas["ComposeStatusResponse"],
  "final_video_url" | "final_videos" | "duration" | "audio_url" | "error" | "cost"
> & {
  cost?: JobCost;
  final_video_url: string | null;
  /** Every format asked for → its video; `final_video_url` is the first. */
  final_videos?: Partial<Record<AdFormat, string>>;
  duration: number | null;
  audio_url: string | null;
  error: ErrorInfo | null;
};

/** A finished ad as the studio keeps it (not an API shape). */
export interface FinalVideo {
  video_url: string;
  /** Every format composed → its video, in the order asked for. */
  videos?: Partial<Record<AdFormat, string>>;
  duration: number;
  audio_url: string | null;
  /** The burned-in captions as WebVTT and SubRip; absent without voice or captions. */
  captions_url?: string | null;
  captions_srt_url?: string | null;
}

/** What the clips, then the ad, would cost with the configured providers, and today's budget. */
export type CostEstimate = Sent<Schemas["CostEstimate"]>;

export type EstimateRequest = Schemas["EstimateRequest"];
