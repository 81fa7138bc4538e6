/** Storyboard shapes (backend `app/models/scene.py`), as generated from the OpenAPI. */
import type { Schemas, Sent, WithRequired } from "./shared.types";

export type CameraMove = Schemas["CameraMove"];

export type Scene = WithRequired<Schemas["Scene-Output"], "style_prompt">;

export type SceneWithSeed = WithRequired<Schemas["SceneWithSeed-Output"], "style_prompt">;

export type ScenePlan = Omit<Sent<Schemas["ScenePlan-Output"]>, "scenes"> & { scenes: Scene[] };

export type PlanScenesRequest = Schemas["PlanScenesRequest"];

export type GenerateSeedsRequest = Schemas["GenerateSeedsRequest"];

export type RegenerateSeedRequest = Schemas["RegenerateSeedRequest"];

/** A storyboard scene as the studio holds it: the seed image may still be on its way. */
export interface StoryboardScene extends Omit<Scene, never> {
  seed_image_url: string | null;
  /** The description the seed image was painted for; when the text changes, it is out of date. */
  seed_description: string | null;
  /** Which take of the seed image this is; "regenerate" asks for the next one. */
  variation: number;
}
