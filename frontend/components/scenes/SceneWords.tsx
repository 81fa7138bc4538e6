"use client";

import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { formatSeconds } from "@/lib/timing";
import { type LineFit, MAX_ON_SCREEN_TEXT, MAX_VOICEOVER, tooLong, wordsToCut } from "@/lib/script";
import { useAppStore } from "@/store/appStore";
import { composeWordErrors } from "@/store/selectors";
import type { StoryboardScene } from "@/types/scene.types";

const oneDecimal = (seconds: number) => `${seconds.toFixed(1)} s`;

/** How the line fits its scene, before anything is composed: the backend's rule, ported. */
function FitNote({ id, fit }: { id: string; fit: LineFit | undefined }) {
  if (!fit) return null;
  if (fit.needs === 0) {
    return (
      <p id={id} className="text-xs text-muted-foreground">
        No voice over this scene; up to {formatSeconds(Math.floor(fit.room * 10) / 10)} of speech fits here.
      </p>
    );
  }
  if (tooLong(fit)) {
    const cut = wordsToCut(fit);
    return (
      <p id={id} className="text-xs text-destructive" data-testid="line-overrun">
        {oneDecimal(fit.needs - fit.room)} too long: it takes about {oneDecimal(fit.needs)} to say and the scene
        leaves {oneDecimal(fit.room)}. Cut about {cut} word{cut > 1 ? "s" : ""} or lengthen the scene.
      </p>
    );
  }
  return (
    <p id={id} className="text-xs text-muted-foreground" data-testid="line-fit">
      About {oneDecimal(fit.needs)} of the {oneDecimal(fit.room)} this scene leaves.
    </p>
  );
}

/** A scene's title and its voiceover line, each editable; the line's fit shown as it is typed,
 * and the compose request's refusal of it (a 422) beside it. */
export function SceneWords({ scene, fit }: { scene: StoryboardScene; fit: LineFit | undefined }) {
  const editSceneWords = useAppStore((s) => s.editSceneWords);
  const refusedLine = useAppStore((s) => composeWordErrors(s)[scene.scene_number]?.voiceover);
  const refusedTitle = useAppStore((s) => composeWordErrors(s)[scene.scene_number]?.on_screen_text);
  const n = scene.scene_number;
  const titleId = `scene-${n}-on-screen-text`;
  const lineId = `scene-${n}-voiceover`;
  const overrun = Boolean(fit && tooLong(fit));
  return (
    <div className="grid gap-3">
      <div className="grid gap-1.5">
        <Label htmlFor={titleId}>On-screen text</Label>
        <Input
          id={titleId}
          value={scene.on_screen_text ?? ""}
          maxLength={MAX_ON_SCREEN_TEXT}
          placeholder="A short title for this scene (optional)"
          onChange={(e) => editSceneWords(n, "on_screen_text", e.target.value)}
          aria-invalid={refusedTitle ? true : undefined}
          aria-describedby={refusedTitle ? `${titleId}-error` : undefined}
        />
        {refusedTitle && (
          <p id={`${titleId}-error`} role="alert" className="text-xs text-destructive">
            {refusedTitle}
          </p>
        )}
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor={lineId}>Voiceover</Label>
        <Textarea
          id={lineId}
          value={scene.voiceover ?? ""}
          maxLength={MAX_VOICEOVER}
          rows={2}
          placeholder="What the voice says over this scene (optional)"
          onChange={(e) => editSceneWords(n, "voiceover", e.target.value)}
          aria-invalid={overrun || refusedLine ? true : undefined}
          aria-describedby={[fit ? `${lineId}-fit` : "", refusedLine ? `${lineId}-error` : ""].join(" ").trim() || undefined}
        />
        <FitNote id={`${lineId}-fit`} fit={fit} />
        {refusedLine && (
          <p id={`${lineId}-error`} role="alert" className="text-xs text-destructive" data-testid="line-refused">
            {refusedLine}
          </p>
        )}
      </div>
    </div>
  );
}
