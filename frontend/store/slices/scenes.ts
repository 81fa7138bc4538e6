import type { StateCreator } from "zustand";

import { setSceneDuration } from "@/lib/timing";

import { sceneTextKey } from "../keys";
import type { AppState, ScenesSlice } from "../types";

/** A compose refusal about the lines is answered by editing them: once the user does, its
 * field errors would point at words that are no longer there. */
function withoutLineErrors(state: AppState): AppState["requests"] {
  const compose = state.requests.compose;
  if (compose?.state !== "error" || !compose.error?.fields?.length) return state.requests;
  const { compose: _answered, ...rest } = state.requests;
  return rest;
}

export const scenesInitial = () => ({ scenePlan: null }) satisfies Partial<ScenesSlice>;

export const createScenesSlice: StateCreator<AppState, [], [], ScenesSlice> = (set) => ({
  ...scenesInitial(),
  setScenePlan: (scenePlan) =>
    set({
      scenePlan: { ...scenePlan, plannedKey: scenePlan.plannedKey ?? sceneTextKey(scenePlan.scenes) },
    }),
  setSceneSeed: (sceneNumber, seedImageUrl, variation, paintedFor) =>
    set((state) => {
      if (!state.scenePlan) return {};
      const scenes = state.scenePlan.scenes.map((scene) =>
        scene.scene_number === sceneNumber
          ? { ...scene, seed_image_url: seedImageUrl, seed_description: paintedFor, variation }
          : scene,
      );
      return { scenePlan: { ...state.scenePlan, scenes } };
    }),
  editSceneDescription: (sceneNumber, description) =>
    set((state) => {
      if (!state.scenePlan) return {};
      const scenes = state.scenePlan.scenes.map((scene) =>
        scene.scene_number === sceneNumber ? { ...scene, description } : scene,
      );
      return { scenePlan: { ...state.scenePlan, scenes } };
    }),
  editSceneWords: (sceneNumber, field, value) =>
    set((state) => {
      if (!state.scenePlan) return {};
      const scenes = state.scenePlan.scenes.map((scene) =>
        scene.scene_number === sceneNumber ? { ...scene, [field]: value } : scene,
      );
      return { scenePlan: { ...state.scenePlan, scenes }, requests: withoutLineErrors(state) };
    }),
  editCallToAction: (value) =>
    set((state) => (state.scenePlan ? { scenePlan: { ...state.scenePlan, call_to_action: value } } : {})),
  setSceneDuration: (sceneNumber, duration) =>
    set((state) => {
      if (!state.scenePlan) return {};
      const scenes = state.scenePlan.scenes;
      const index = scenes.findIndex((s) => s.scene_number === sceneNumber);
      if (index === -1) return {};
      const durations = setSceneDuration(
        scenes.map((s) => s.duration),
        index,
        duration,
      );
      return {
        scenePlan: {
          ...state.scenePlan,
          scenes: scenes.map((scene, i) => ({ ...scene, duration: durations[i]! })),
        },
      };
    }),
});
