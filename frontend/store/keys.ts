/**
 * Fingerprints of the inputs each step's work was made from. A step whose fingerprint no longer
 * matches its inputs is stale: the studio keeps it (going back never loses work) and offers to
 * make it again.
 */
import type { StoryboardScene } from "@/types/scene.types";
import type { GeneratedClip } from "@/types/video.types";
import type { CreativeBrief } from "@/types/vision.types";

export function briefKey(brief: CreativeBrief): string {
  return JSON.stringify([
    brief.product_name,
    brief.target_audience,
    brief.emotional_tone,
    brief.visual_style_keywords,
    brief.key_messages,
    // Only when there is one, so work made before the field existed is not called stale.
    ...(brief.product_description ? [brief.product_description] : []),
  ]);
}

export function planKey(brief: CreativeBrief, moodId: string | null): string {
  return JSON.stringify([briefKey(brief), moodId]);
}

export function storyboardKey(scenes: StoryboardScene[]): string {
  return JSON.stringify(
    scenes.map((s) => [s.scene_number, s.duration, s.description, s.seed_image_url]),
  );
}

export function clipsKey(clips: GeneratedClip[]): string {
  return JSON.stringify(clips.map((c) => [c.scene_number, c.duration, c.video_url]));
}

/** What the user can edit in a storyboard: the scenes' words and lengths. */
export function sceneTextKey(scenes: StoryboardScene[]): string {
  return JSON.stringify(
    scenes.map((s) => [
      s.scene_number,
      s.duration,
      s.description,
      s.on_screen_text ?? "",
      s.voiceover ?? "",
    ]),
  );
}

/** What an ad says: every scene's title and line, the call to action, the voice, captions. */
export function wordsKey(
  scenes: StoryboardScene[],
  callToAction: string | undefined,
  voice: string | null,
  captions: boolean,
): string {
  return JSON.stringify([
    scenes.map((s) => [s.scene_number, s.on_screen_text ?? "", s.voiceover ?? ""]),
    callToAction ?? "",
    voice,
    captions,
  ]);
}
