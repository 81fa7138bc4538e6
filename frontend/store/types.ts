import type { UIMessage } from "ai";

import type { JobClock } from "@/lib/eta";

import type { Mood } from "@/types/mood.types";
import type { StoryboardScene } from "@/types/scene.types";
import type { ErrorInfo, JobStatus, Step } from "@/types/shared.types";
import type {
  AdFormat,
  ComposeStatusResponse,
  FinalVideo,
  GeneratedClip,
  JobCost,
  VideoStatusResponse,
} from "@/types/video.types";
import type { BriefField, BriefSynthesis, CreativeBrief, UploadedAsset } from "@/types/vision.types";

/** Requests whose life the UI shows; kept in the store (not persisted) so that switching
 * steps mid-request still shows the spinner on return. */
export type RequestKey = "moods" | "plan" | "seeds" | `seed-${number}` | "clips" | "compose";

export interface RequestStatus {
  state: "loading" | "error";
  error?: ErrorInfo;
}

export type PolledJob = "clips" | "compose";


export interface NavigationSlice {
  currentStep: Step;
  setCurrentStep: (step: number) => void;
  requests: Partial<Record<RequestKey, RequestStatus>>;
  setRequest: (key: RequestKey, status: RequestStatus | null) => void;
  /**
   * A background job whose status polls are failing (the server is unreachable): the studio
   * keeps the last real progress and says it is retrying, rather than guessing. Not persisted.
   */
  pollTrouble: Partial<Record<PolledJob, ErrorInfo>>;
  setPollTrouble: (job: PolledJob, error: ErrorInfo | null) => void;
  error: string | null;
  setError: (error: string | null) => void;
  reset: () => void;
}

export interface VisionSlice {
  chatId: string;
  chatMessages: UIMessage[];
  setChatMessages: (messages: UIMessage[]) => void;
  creativeBrief: CreativeBrief | null;
  setCreativeBrief: (brief: CreativeBrief) => void;
  /**
   * Show the director's brief. `sent` is the brief the chat request carried: a field that no
   * longer matches it was typed while the director answered, and keeps what the user typed.
   */
  applyBriefSynthesis: (synthesis: BriefSynthesis, sent?: CreativeBrief | null) => void;
  editBriefField: <F extends BriefField>(field: F, value: CreativeBrief[F]) => void;
  /** Uploaded product photos, in the brief's order; their URLs are its `product_images`. */
  productPhotos: UploadedAsset[];
  /** The uploaded logo; its URL is the brief's `brand.logo_url`. */
  logo: UploadedAsset | null;
  addProductPhoto: (asset: UploadedAsset) => void;
  /** Put `asset` where the photo `assetId` was (same place in the brief). */
  replaceProductPhoto: (assetId: string, asset: UploadedAsset) => void;
  removeProductPhoto: (assetId: string) => void;
  setLogo: (asset: UploadedAsset | null) => void;
}

export interface MoodSet {
  moods: Mood[];
  /** `briefKey` of the brief the set was made for. */
  key: string | null;
}

export interface MoodsSlice {
  /** The set on screen (one of `moodSets`). */
  moods: Mood[];
  /** Every set made so far, oldest first: "New moods" adds one and never throws one away. */
  moodSets: MoodSet[];
  moodSetIndex: number;
  showMoodSet: (index: number) => void;
  selectedMoodId: string | null;
  /** Every style name offered so far, so "regenerate" asks for new directions. */
  shownStyleNames: string[];
  moodsKey: string | null;
  setMoods: (moods: Mood[], key?: string) => void;
  selectMood: (moodId: string) => void;
}

export interface StoryboardPlan {
  total_duration: number;
  scenes: StoryboardScene[];
  /** `planKey` of the brief and mood this storyboard was planned for. */
  sourceKey: string;
  /** `sceneTextKey` of the scenes as the director planned them: edits are what differs. */
  plannedKey?: string;
}

export interface ScenesSlice {
  scenePlan: StoryboardPlan | null;
  setScenePlan: (plan: StoryboardPlan) => void;
  setSceneSeed: (
    sceneNumber: number,
    seedImageUrl: string,
    variation: number,
    paintedFor: string,
  ) => void;
  editSceneDescription: (sceneNumber: number, description: string) => void;
  setSceneDuration: (sceneNumber: number, duration: number) => void;
}

export interface VideoSlice {
  clipJobId: string | null;
  clipJobStatus: JobStatus | null;
  clipJobError: ErrorInfo | null;
  generatedClips: GeneratedClip[];
  clipGenerationProgress: number;
  /** `storyboardKey` of the scenes these clips were made from. */
  clipsSourceKey: string | null;
  startClipJob: (jobId: string, clips: GeneratedClip[], sourceKey: string) => void;
  /** What the clip job spent at remote providers (nothing on local ones). */
  clipJobCost: JobCost | null;
  clipJobClock: JobClock | null;
  applyClipStatus: (status: VideoStatusResponse) => void;
  setGeneratedClips: (clips: GeneratedClip[]) => void;
  updateClipProgress: (progress: number) => void;

  composeJobId: string | null;
  composeJobStatus: JobStatus | null;
  composeError: ErrorInfo | null;
  finalVideo: FinalVideo | null;
  /** The shapes the next composition makes (9:16 unless the user picks others). */
  composeFormats: AdFormat[];
  toggleComposeFormat: (format: AdFormat) => void;
  compositionProgress: number;
  /** `clipsKey` of the clips the final video was composed from. */
  finalSourceKey: string | null;
  /** `clipsKey` of the clips the job in flight composes; the final video's once it finishes. */
  composeJobKey: string | null;
  startComposeJob: (jobId: string, sourceKey: string) => void;
  composeCost: JobCost | null;
  composeClock: JobClock | null;
  applyComposeStatus: (status: ComposeStatusResponse) => void;
  setFinalVideo: (video: FinalVideo) => void;
  updateCompositionProgress: (progress: number) => void;
}

export type { JobClock };

export type AppState = NavigationSlice & VisionSlice & MoodsSlice & ScenesSlice & VideoSlice;
