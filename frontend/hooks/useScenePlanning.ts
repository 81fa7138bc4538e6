"use client";

import { useCallback } from "react";

import { generateSeeds, planScenes, regenerateSeed } from "@/lib/api/scenes";
import { useAppStore } from "@/store/appStore";
import { planKey, sceneTextKey } from "@/store/keys";
import { tracked } from "@/store/requests";
import { planStale, selectedMood } from "@/store/selectors";
import type { MoodStyle } from "@/types/mood.types";
import type { Scene, StoryboardScene } from "@/types/scene.types";

import { useRequestStatus } from "./useRequestStatus";

function moodStyle(): MoodStyle | null {
  const mood = selectedMood(useAppStore.getState());
  return mood
    ? {
        style_name: mood.style_name,
        style_keywords: mood.style_keywords,
        color_palette: mood.color_palette,
      }
    : null;
}

/** The storyboard as the backend reads it: scenes without the studio's own bookkeeping. */
export function toScenes(scenes: StoryboardScene[]): Scene[] {
  return scenes.map(({ scene_number, duration, description, style_prompt, camera_move }) => ({
    scene_number,
    duration,
    description,
    style_prompt,
    camera_move: camera_move ?? null,
  }));
}

/** Step 3: plan the storyboard, paint a seed for every scene, and repaint one on request. */
export function useScenePlanning() {
  const scenePlan = useAppStore((s) => s.scenePlan);
  const stale = useAppStore(planStale);
  const planRequest = useRequestStatus("plan");
  const seedsRequest = useRequestStatus("seeds");

  const paintSeeds = useCallback(async () => {
    const { scenePlan: plan, creativeBrief, setSceneSeed } = useAppStore.getState();
    const style = moodStyle();
    if (!plan || !creativeBrief || !style) return;
    await tracked("seeds", async () => {
      const seeded = await generateSeeds(toScenes(plan.scenes), style, creativeBrief);
      const painted = new Set(
        useAppStore
          .getState()
          .scenePlan?.scenes.filter((scene) => scene.seed_image_url)
          .map((scene) => scene.scene_number),
      );
      // Scenes that already have an image (a take the user chose) keep it.
      for (const scene of seeded.filter((s) => !painted.has(s.scene_number))) {
        setSceneSeed(scene.scene_number, scene.seed_image_url, 0, scene.description);
      }
    });
  }, []);

  /**
   * Plan the storyboard. "same" when the director came back with the plan already on screen
   * for the same brief and mood: the storyboard, edits and images included, is kept as it is.
   */
  const plan = useCallback(async (): Promise<"new" | "same" | undefined> => {
    const state = useAppStore.getState();
    const mood = selectedMood(state);
    const brief = state.creativeBrief;
    if (!mood || !brief) return undefined;
    const before = state.scenePlan;
    const sourceKey = planKey(brief, mood.mood_id);
    const outcome = await tracked("plan", async () => {
      const result = await planScenes(brief, mood);
      const scenes = result.scenes.map((scene) => ({
        ...scene,
        seed_image_url: null,
        seed_description: null,
        variation: 0,
      }));
      if (before?.sourceKey === sourceKey && before.plannedKey === sceneTextKey(scenes)) {
        return "same" as const;
      }
      state.setScenePlan({
        total_duration: result.total_duration,
        call_to_action: result.call_to_action,
        sourceKey,
        scenes,
      });
      // Seeds are next: say so now, or a render between the two requests would see a plan
      // with no images and nothing painting them, and start painting twice.
      state.setRequest("seeds", { state: "loading" });
      return "new" as const;
    });
    if (outcome === "new") await paintSeeds();
    return outcome;
  }, [paintSeeds]);

  const repaint = useCallback(async (sceneNumber: number) => {
    const { scenePlan: current, creativeBrief, setSceneSeed } = useAppStore.getState();
    const style = moodStyle();
    const scene = current?.scenes.find((s) => s.scene_number === sceneNumber);
    if (!current || !creativeBrief || !style || !scene) return;
    const variation = scene.variation + 1;
    await tracked(`seed-${sceneNumber}`, async () => {
      const scenes = toScenes(current.scenes);
      const result = await regenerateSeed(sceneNumber, scenes, style, creativeBrief, variation);
      setSceneSeed(sceneNumber, result.seed_image_url, variation, result.description);
    });
  }, []);

  return { scenePlan, stale, planRequest, seedsRequest, plan, paintSeeds, repaint };
}
