import type { UIMessage } from "ai";

import type { JobClock } from "@/lib/eta";

import type { Mood } from "@/types/mood.types";
import type { Project } from "@/types/project.types";
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
  reset: () => void;
}

/** What this page load is doing: none of it is persisted. */
export interface RequestsSlice {
  requests: Partial<Record<RequestKey, RequestStatus>>;
  setRequest: (key: RequestKey, status: RequestStatus | null) => void;
  /**
   * A background job whose status polls are failing (the server is unreachable): the studio
   * keeps the last real progress and says it is retrying, rather than guessing.
   */
  pollTrouble: Partial<Record<PolledJob, ErrorInfo>>;
  setPollTrouble: (job: PolledJob, error: ErrorInfo | null) => void;
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
  /** What the end card asks the viewer to do, as the director proposed it. */
  call_to_action?: string;
  /** `planKey` of the brief and mood this storyboard was planned for. */
  sourceKey: string;
  /** `sceneTextKey` of the scenes as the director planned them: edits are what differs. */
  plannedKey?: string;
}

/** The words a storyboard card edits. */
export type SceneWordsField = "on_screen_text" | "voiceover";

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
  /** A scene's title or spoken line, as the user typed it (sent with the compose request). */
  editSceneWords: (sceneNumber: number, field: SceneWordsField, value: string) => void;
  /** What the end card asks the viewer to do. */
  editCallToAction: (value: string) => void;
  setSceneDuration: (sceneNumber: number, duration: number) => void;
}

/**
 * One background job and what it has made. The output outlives the job that made it: a new
 * job starts with the old output in place (the ad composed before stays on screen), and
 * `outputKey` says which inputs the output came from, so a failed retry never passes the old
 * output off as the new inputs'.
 */
export interface JobState<T> {
  jobId: string | null;
  status: JobStatus | null;
  /** The last real progress, 0-100: never moves backwards within one job. */
  progress: number;
  error: ErrorInfo | null;
  /** What the job spent at remote providers (nothing on local ones). */
  cost: JobCost | null;
  clock: JobClock | null;
  /** Fingerprint (see `keys.ts`) of the inputs the job in flight works from. */
  jobKey: string | null;
  output: T;
  /** Fingerprint of the inputs `output` was made from. */
  outputKey: string | null;
}

export interface VideoSlice {
  /** Step 4: one clip per scene; the clips are the job's output from the moment it starts. */
  clipJob: JobState<GeneratedClip[]>;
  startClipJob: (jobId: string, clips: GeneratedClip[], sourceKey: string) => void;
  applyClipStatus: (status: VideoStatusResponse) => void;

  /** Step 5: the final video, in every format composed. */
  composeJob: JobState<FinalVideo | null>;
  startComposeJob: (jobId: string, sourceKey: string, wordsKey?: string) => void;
  applyComposeStatus: (status: ComposeStatusResponse) => void;
  /** The shapes the next composition makes (9:16 unless the user picks others). */
  composeFormats: AdFormat[];
  toggleComposeFormat: (format: AdFormat) => void;
  /** Who speaks the voiceover: a voice id, `none` for music only, or null for the server's
   * default (`GET /api/voices`). */
  composeVoice: string | null;
  setComposeVoice: (voice: string | null) => void;
  /** Burn the spoken words in as captions (and offer them as .vtt/.srt). */
  composeCaptions: boolean;
  setComposeCaptions: (captions: boolean) => void;
  /** `wordsKey` of what the job in flight says (`job`) and of what the ad on screen says
   * (`output`): a final whose words were since edited offers to compose again. */
  composeWords: { job: string | null; output: string | null };
}

/** The project the studio is working on: saved on the server, localStorage only a cache. */
export interface ProjectSlice {
  /** null until the first real work (or "New project") makes one. */
  projectId: string | null;
  projectName: string | null;
  setProject: (projectId: string | null, projectName: string | null) => void;
  /** Show a saved project as it was saved, replacing everything on screen. */
  loadProject: (project: Project) => void;
}

export type { JobClock };

export type AppState = NavigationSlice &
  RequestsSlice &
  VisionSlice &
  MoodsSlice &
  ScenesSlice &
  VideoSlice &
  ProjectSlice;
