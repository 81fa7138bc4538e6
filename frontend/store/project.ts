/**
 * The studio's state and a saved project, each made from the other. A project holds the work
 * in the steps' own shapes; the studio adds what only a screen needs (which set is shown, the
 * fingerprints that say what is stale), rebuilt here from the work itself, so a project opened
 * in another browser shows its work as current, not as stale.
 */
import type { UIMessage } from "ai";

import { newId } from "@/lib/ids";
import { TOTAL_DURATION } from "@/lib/timing";
import type { Mood } from "@/types/mood.types";
import type { Project, ProjectCreate, ProjectUpdate } from "@/types/project.types";
import type { ScenePlan, StoryboardScene } from "@/types/scene.types";
import type { Step } from "@/types/shared.types";
import type { FinalVideo, GeneratedClip } from "@/types/video.types";
import type { CreativeBrief, UploadedAsset } from "@/types/vision.types";

import { briefKey, clipsKey, planKey, sceneTextKey, storyboardKey } from "./keys";
import { selectedMood } from "./selectors";
import { idleJob } from "./slices/video";
import type { AppState, MoodSet, StoryboardPlan } from "./types";

/** An upload known only by its URL (the brief keeps URLs): enough to show it and keep it. */
function knownUpload(url: string): UploadedAsset {
  return { asset_id: url, url, width: 0, height: 0, has_alpha: false, cutout_url: null };
}

/** A saved message as `useChat` needs it: every message has an id and parts. */
function chatMessage(message: Project["chat"][number], index: number): UIMessage {
  const { id, parts, content: _content, ...rest } = message;
  return { ...rest, id: id ?? `saved-${index}`, parts: (parts ?? []) as UIMessage["parts"] };
}

function storyboard(project: Project, brief: CreativeBrief | null, moodId: string | null): StoryboardPlan | null {
  if (!project.scene_plan) return null;
  const seeds = new Map(project.scenes_with_seeds.map((s) => [s.scene_number, s]));
  const scenes: StoryboardScene[] = project.scene_plan.scenes.map((scene) => {
    const seed = seeds.get(scene.scene_number);
    return {
      ...scene,
      style_prompt: scene.style_prompt ?? "",
      seed_image_url: seed?.seed_image_url ?? null,
      seed_description: seed ? seed.description : null,
      variation: 0,
    };
  });
  return {
    total_duration: project.scene_plan.total_duration ?? TOTAL_DURATION,
    call_to_action: project.scene_plan.call_to_action,
    scenes,
    sourceKey: brief ? planKey(brief, moodId) : "",
    plannedKey: sceneTextKey(scenes),
  };
}

function furthestStep(project: Project): Step {
  if (project.ads.length > 0) return 5;
  if (project.clips.length > 0 || project.clip_job_id) return 4;
  if (project.scene_plan) return 3;
  if (project.mood_sets.length > 0) return 2;
  return 1;
}

/** The studio showing `project`, as it was saved: nothing of the previous work stays. */
export function projectToState(project: Project): Partial<AppState> {
  const brief = (project.creative_brief as CreativeBrief | null) ?? null;
  const key = brief ? briefKey(brief) : null;
  const moodSets: MoodSet[] = project.mood_sets.map((moods) => ({ moods: moods as Mood[], key }));
  const moodId = project.selected_mood?.mood_id ?? null;
  const chosenSet = moodSets.findIndex((set) => set.moods.some((m) => m.mood_id === moodId));
  const moodSetIndex = chosenSet >= 0 ? chosenSet : Math.max(0, moodSets.length - 1);
  const scenePlan = storyboard(project, brief, moodId);
  const clips = project.clips as GeneratedClip[];
  const clipsFrom = scenePlan ? storyboardKey(scenePlan.scenes) : null;
  const ad = project.ads.at(-1);
  const finalVideo: FinalVideo | null = ad
    ? {
        video_url: ad.final_video_url,
        videos: ad.final_videos,
        duration: ad.duration ?? TOTAL_DURATION,
        audio_url: ad.audio_url ?? null,
        captions_url: ad.captions_url ?? null,
        captions_srt_url: ad.captions_srt_url ?? null,
      }
    : null;
  return {
    projectId: project.project_id,
    projectName: project.name,
    currentStep: furthestStep(project),
    requests: {},
    pollTrouble: {},
    // A new chat id makes `useChat` start again from the saved transcript.
    chatId: newId("chat"),
    chatMessages: project.chat.map(chatMessage),
    creativeBrief: brief,
    productPhotos: (brief?.product_images ?? []).map(knownUpload),
    logo: brief?.brand?.logo_url ? knownUpload(brief.brand.logo_url) : null,
    moodSets,
    moods: moodSets[moodSetIndex]?.moods ?? [],
    moodSetIndex,
    moodsKey: key,
    selectedMoodId: moodId,
    shownStyleNames: [...new Set(project.mood_sets.flat().map((m) => m.style_name))],
    scenePlan,
    clipJob: {
      ...idleJob(clips),
      jobId: project.clip_job_id,
      // A job recorded without clips yet is still running: polling it picks up its clips.
      status: project.clip_job_id ? (clips.length > 0 ? "complete" : "processing") : null,
      progress: clips.length > 0 ? 100 : 0,
      jobKey: clipsFrom,
      outputKey: clips.length > 0 ? clipsFrom : null,
    },
    composeJob: {
      ...idleJob(finalVideo),
      jobId: ad?.job_id ?? null,
      status: ad ? "complete" : null,
      progress: ad ? 100 : 0,
      jobKey: ad ? clipsKey(clips) : null,
      outputKey: ad ? clipsKey(clips) : null,
    },
    // What a saved ad said is not saved: it is taken as the project's words, never as stale.
    composeWords: { job: null, output: null },
  };
}

/** The storyboard in the API's shape: the studio's own fields (seed takes) left out. */
function apiPlan(plan: StoryboardPlan | null): ScenePlan | null {
  if (!plan) return null;
  const scenes = plan.scenes.map(
    ({ seed_image_url: _url, seed_description: _painted, variation: _take, ...scene }) => scene,
  );
  return { total_duration: plan.total_duration, call_to_action: plan.call_to_action ?? "", scenes };
}

/**
 * What only the studio sees change, saved with a `PATCH`: hand edits of the brief and the
 * storyboard, and the mood chosen. Every step's result is recorded by its endpoint.
 */
export function handEdits(state: AppState): ProjectUpdate {
  return {
    creative_brief: state.creativeBrief,
    selected_mood: selectedMood(state),
    scene_plan: apiPlan(state.scenePlan),
  };
}

/** A new project holding whatever the studio already has (work made before projects existed). */
export function newProjectBody(state: AppState): ProjectCreate {
  return {
    chat: state.chatMessages as ProjectCreate["chat"],
    creative_brief: state.creativeBrief,
    mood_sets: state.moodSets.map((set) => set.moods),
    selected_mood: selectedMood(state),
    scene_plan: apiPlan(state.scenePlan),
    scenes_with_seeds: (state.scenePlan?.scenes ?? []).flatMap(
      ({ seed_image_url, seed_description: _painted, variation: _take, ...scene }) =>
        seed_image_url ? [{ ...scene, seed_image_url }] : [],
    ),
    clips: state.clipJob.output,
    clip_job_id: state.clipJob.jobId,
  };
}
