/** Derived state, as pure functions of the store: read them through `useAppStore(selector)`. */
import { sumsToTotal } from "@/lib/timing";
import type { Mood } from "@/types/mood.types";
import type { Step } from "@/types/shared.types";
import type { FinalVideo, GeneratedClip } from "@/types/video.types";
import { BRIEF_FIELDS, type CreativeBrief, type RequiredBriefField } from "@/types/vision.types";

import { briefKey, clipsKey, planKey, sceneTextKey, storyboardKey, wordsKey } from "./keys";
import type { AppState } from "./types";

/** The seed's `generatedClips`: the clip job's output. */
export function generatedClips(state: AppState): GeneratedClip[] {
  return state.clipJob.output;
}

/** The seed's `finalVideo`: the last composition that finished, kept while another runs. */
export function finalVideo(state: AppState): FinalVideo | null {
  return state.composeJob.output;
}

/**
 * The required fields still empty, derived from the brief itself (never stored): whoever
 * filled a field, the director or the user, an empty one is still to discuss. The fields and
 * the rule are the backend's `missing_fields` (`GET /api/config` lists them); before any brief
 * every one is missing.
 */
export function missingFields(brief: CreativeBrief | null): RequiredBriefField[] {
  return BRIEF_FIELDS.filter((field) => {
    const value = brief?.[field];
    return Array.isArray(value) ? value.every((item) => item.trim() === "") : (value ?? "").trim() === "";
  });
}

export function briefComplete(state: AppState): boolean {
  return state.creativeBrief !== null && missingFields(state.creativeBrief).length === 0;
}

/** The chosen mood, from whichever set it was chosen in. */
export function selectedMood(state: AppState): Mood | null {
  const id = state.selectedMoodId;
  const inSets = (state.moodSets ?? []).flatMap((set) => set.moods);
  return [...state.moods, ...inSets].find((m) => m.mood_id === id) ?? null;
}

/** Every scene has its seed image, and the durations still make the 30 s the backend expects. */
export function storyboardReady(state: AppState): boolean {
  const scenes = state.scenePlan?.scenes ?? [];
  return (
    scenes.length > 0 &&
    scenes.every((s) => Boolean(s.seed_image_url)) &&
    sumsToTotal(scenes.map((s) => s.duration))
  );
}

export function clipsReady(state: AppState): boolean {
  const scenes = state.scenePlan?.scenes ?? [];
  const clips = generatedClips(state);
  return (
    clips.length > 0 &&
    clips.length === scenes.length &&
    clips.every((c) => c.status === "complete" && Boolean(c.video_url))
  );
}

/** Whether the user may open a step: every step needs the work of the ones before it. */
export function stepUnlocked(state: AppState, step: Step): boolean {
  switch (step) {
    case 1:
      return true;
    case 2:
      return Boolean(state.creativeBrief?.product_name.trim());
    case 3:
      return stepUnlocked(state, 2) && selectedMood(state) !== null;
    case 4:
      return stepUnlocked(state, 3) && storyboardReady(state);
    case 5:
      return stepUnlocked(state, 4) && (clipsReady(state) || finalVideo(state) !== null);
  }
}

export function moodsStale(state: AppState): boolean {
  return (
    state.moods.length > 0 &&
    state.creativeBrief !== null &&
    state.moodsKey !== briefKey(state.creativeBrief)
  );
}

export function planStale(state: AppState): boolean {
  return (
    state.scenePlan !== null &&
    state.creativeBrief !== null &&
    state.scenePlan.sourceKey !== planKey(state.creativeBrief, state.selectedMoodId)
  );
}

export function clipsStale(state: AppState): boolean {
  const { output, outputKey } = state.clipJob;
  return (
    output.length > 0 &&
    state.scenePlan !== null &&
    outputKey !== storyboardKey(state.scenePlan.scenes)
  );
}

export function finalStale(state: AppState): boolean {
  const { output, outputKey } = state.composeJob;
  return output !== null && outputKey !== clipsKey(generatedClips(state));
}

/** The ad on screen says other words, or speaks with another voice, than the storyboard and
 * the composition step now ask for. */
export function finalWordsStale(state: AppState): boolean {
  const made = state.composeWords?.output ?? null;
  if (state.composeJob.output === null || made === null) return false;
  const plan = state.scenePlan;
  return made !== wordsKey(plan?.scenes ?? [], plan?.call_to_action, state.composeVoice, state.composeCaptions);
}

export type SceneWordErrors = Partial<Record<"on_screen_text" | "voiceover", string>>;

/**
 * The compose request's refusals about the scenes' words (a line that cannot fit its scene),
 * by scene number, for the storyboard card to show beside the field. A 422 names the clip by
 * its place in the request: the finished clips, in order.
 */
export function composeWordErrors(state: AppState): Record<number, SceneWordErrors> {
  const compose = state.requests.compose;
  const fields = compose?.state === "error" ? (compose.error?.fields ?? []) : [];
  const sent = generatedClips(state).filter((clip) => clip.video_url);
  const found: Record<number, SceneWordErrors> = {};
  for (const { loc, msg } of fields) {
    const [, list, index, field] = loc;
    if (list !== "clips" || typeof index !== "number") continue;
    if (field !== "voiceover" && field !== "on_screen_text") continue;
    const scene = sent[index]?.scene_number;
    if (scene !== undefined) found[scene] = { ...found[scene], [field]: msg };
  }
  return found;
}

/** The user changed the storyboard since it was planned: a scene's words, a length, an image. */
export function storyboardEdited(state: AppState): boolean {
  const plan = state.scenePlan;
  if (!plan) return false;
  return (
    plan.plannedKey !== sceneTextKey(plan.scenes) || plan.scenes.some((s) => s.variation > 0)
  );
}
