import { apiRequest } from "@/lib/api/client";
import type { Mood, MoodStyle } from "@/types/mood.types";
import type {
  GenerateSeedsRequest,
  PlanScenesRequest,
  RegenerateSeedRequest,
  Scene,
  ScenePlan,
  SceneWithSeed,
} from "@/types/scene.types";
import type { CreativeBrief } from "@/types/vision.types";

export async function planScenes(
  creativeBrief: CreativeBrief,
  selectedMood: Mood,
  signal?: AbortSignal,
): Promise<ScenePlan> {
  const { scene_plan } = await apiRequest<{ scene_plan: ScenePlan }>("/api/scenes/plan", {
    body: { creative_brief: creativeBrief, selected_mood: selectedMood } satisfies PlanScenesRequest,
    signal,
    record: true,
  });
  return scene_plan;
}

export async function generateSeeds(
  scenes: Scene[],
  moodStyle: MoodStyle,
  creativeBrief: CreativeBrief,
  signal?: AbortSignal,
): Promise<SceneWithSeed[]> {
  const { scenes_with_seeds } = await apiRequest<{ scenes_with_seeds: SceneWithSeed[] }>(
    "/api/scenes/seeds",
    { body: { scenes, mood_style: moodStyle, creative_brief: creativeBrief } satisfies GenerateSeedsRequest, signal, record: true },
  );
  return scenes_with_seeds;
}

/** Another take of one scene's seed image; the storyboard goes along as context. */
export async function regenerateSeed(
  sceneNumber: number,
  scenes: Scene[],
  moodStyle: MoodStyle,
  creativeBrief: CreativeBrief,
  variation: number,
  signal?: AbortSignal,
): Promise<SceneWithSeed> {
  const { scene_with_seed } = await apiRequest<{ scene_with_seed: SceneWithSeed }>(
    `/api/scenes/seeds/${sceneNumber}`,
    {
      body: { scenes, mood_style: moodStyle, creative_brief: creativeBrief, variation } satisfies RegenerateSeedRequest,
      signal,
      record: true,
    },
  );
  return scene_with_seed;
}
