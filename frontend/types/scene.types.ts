/** Storyboard shapes (backend `app/models/scene.py`). */

export type CameraMove = "push_in" | "pull_out" | "pan_left" | "pan_right" | "rise" | "descend";

export interface Scene {
  scene_number: number;
  duration: number;
  description: string;
  style_prompt: string;
  camera_move?: CameraMove | null;
}

export interface SceneWithSeed extends Scene {
  seed_image_url: string;
}

export interface ScenePlan {
  total_duration: number;
  scenes: Scene[];
}

/** A storyboard scene as the studio holds it: the seed image may still be on its way. */
export interface StoryboardScene extends Scene {
  seed_image_url: string | null;
  /** The description the seed image was painted for; when the text changes, it is out of date. */
  seed_description: string | null;
  /** Which take of the seed image this is; "regenerate" asks for the next one. */
  variation: number;
}
