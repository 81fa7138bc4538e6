"use client";

import { useState } from "react";
import { ImageOff, Minus, Plus, RefreshCw } from "lucide-react";

import { RequestError } from "@/components/studio/RequestError";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Skeleton } from "@/components/ui/skeleton";
import { thumbnail } from "@/lib/previews";
import { Textarea } from "@/components/ui/textarea";
import { useRequestStatus } from "@/hooks/useRequestStatus";
import { DURATION_STEP, formatSeconds, MAX_SCENE_SECONDS, MIN_SCENE_SECONDS } from "@/lib/timing";
import type { LineFit } from "@/lib/script";
import { useAppStore } from "@/store/appStore";
import type { CameraMove, StoryboardScene } from "@/types/scene.types";

import { SceneWords } from "./SceneWords";

const CAMERA_LABELS: Record<CameraMove, string> = {
  push_in: "Push in",
  pull_out: "Pull out",
  pan_left: "Pan left",
  pan_right: "Pan right",
  rise: "Tilt up",
  descend: "Tilt down",
};

function DurationControl({ scene }: { scene: StoryboardScene }) {
  const setSceneDuration = useAppStore((s) => s.setSceneDuration);
  const [draft, setDraft] = useState<string | null>(null);
  const id = `scene-${scene.scene_number}-duration`;
  const commit = (value: number) => {
    setDraft(null);
    setSceneDuration(scene.scene_number, value);
  };
  // An emptied or unreadable box means "never mind", not "0 seconds".
  const commitDraft = () => {
    if (draft === null) return;
    const value = Number(draft);
    if (draft.trim() === "" || !Number.isFinite(value)) setDraft(null);
    else commit(value);
  };
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id}>Duration (seconds)</Label>
      <div className="flex items-center gap-1">
        <Button
          size="icon"
          variant="outline"
          className="size-8"
          onClick={() => commit(scene.duration - DURATION_STEP)}
          disabled={scene.duration <= MIN_SCENE_SECONDS}
          aria-label={`Shorten scene ${scene.scene_number} by half a second`}
        >
          <Minus aria-hidden />
        </Button>
        <Input
          id={id}
          type="number"
          inputMode="decimal"
          min={MIN_SCENE_SECONDS}
          max={MAX_SCENE_SECONDS}
          step={DURATION_STEP}
          className="h-8 w-20 text-center"
          value={draft ?? String(scene.duration)}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commitDraft}
          onKeyDown={(e) => {
            if (e.key === "Enter") commitDraft();
          }}
        />
        <Button
          size="icon"
          variant="outline"
          className="size-8"
          onClick={() => commit(scene.duration + DURATION_STEP)}
          disabled={scene.duration >= MAX_SCENE_SECONDS}
          aria-label={`Lengthen scene ${scene.scene_number} by half a second`}
        >
          <Plus aria-hidden />
        </Button>
      </div>
    </div>
  );
}

/** One scene: its seed image, what happens, its words, how long; each editable, the seed
 * repaintable. `fit` is how its voiceover fits it (it depends on every scene's length). */
export function SceneCard({
  scene,
  seedsLoading,
  onRepaint,
  fit,
}: {
  scene: StoryboardScene;
  seedsLoading: boolean;
  onRepaint: () => void;
  fit?: LineFit;
}) {
  const editSceneDescription = useAppStore((s) => s.editSceneDescription);
  const repaint = useRequestStatus(`seed-${scene.scene_number}`);
  const repainting = repaint?.state === "loading";
  const outdated = Boolean(
    scene.seed_image_url && scene.seed_description !== null && scene.seed_description !== scene.description,
  );
  const descriptionId = `scene-${scene.scene_number}-description`;

  return (
    <Card className="gap-0 overflow-hidden py-0" data-testid="scene-card">
      <div className="grid sm:grid-cols-[9rem_1fr]">
        <div className="relative bg-muted">
          {scene.seed_image_url && !repainting ? (
            // eslint-disable-next-line @next/next/no-img-element
            <img
              // The card's 9rem column from sm up; the card's whole width on a phone.
              {...thumbnail(scene.seed_image_url, "(min-width: 640px) 9rem, 100vw")}
              alt={`Seed image for scene ${scene.scene_number}`}
              className="aspect-[9/16] max-h-72 w-full object-cover sm:max-h-none"
            />
          ) : seedsLoading || repainting ? (
            <Skeleton
              className="aspect-[9/16] max-h-72 w-full rounded-none sm:max-h-none"
              aria-label={`Painting scene ${scene.scene_number}`}
            />
          ) : (
            <div className="flex aspect-[9/16] max-h-72 w-full flex-col items-center justify-center gap-1 text-xs text-muted-foreground sm:max-h-none">
              <ImageOff className="size-5" aria-hidden /> No image yet
            </div>
          )}
          <Badge className="absolute top-2 left-2">Scene {scene.scene_number}</Badge>
        </div>
        <CardContent className="grid content-start gap-3 p-4">
          <div className="grid gap-1.5">
            <Label htmlFor={descriptionId}>What the viewer sees</Label>
            <Textarea
              id={descriptionId}
              value={scene.description}
              maxLength={2000}
              rows={3}
              onChange={(e) => editSceneDescription(scene.scene_number, e.target.value)}
              aria-invalid={!scene.description.trim() || undefined}
            />
            {!scene.description.trim() && (
              <p className="text-xs text-destructive">Describe the scene before moving on.</p>
            )}
          </div>
          <SceneWords scene={scene} fit={fit} />
          <div className="flex flex-wrap items-end justify-between gap-3">
            <DurationControl scene={scene} />
            <div className="flex items-center gap-2">
              {scene.camera_move && (
                <Badge variant="outline" title="Camera move">
                  {CAMERA_LABELS[scene.camera_move]}
                </Badge>
              )}
              <Button
                size="sm"
                variant={outdated ? "default" : "outline"}
                onClick={onRepaint}
                disabled={repainting || seedsLoading || !scene.description.trim()}
                aria-label={`New image for scene ${scene.scene_number}`}
              >
                <RefreshCw aria-hidden className={repainting ? "animate-spin" : undefined} />
                New image
              </Button>
            </div>
          </div>
          {outdated && (
            <p className="text-xs text-muted-foreground">
              The description changed since this image was painted. Paint a new one to match.
            </p>
          )}
          {repaint?.state === "error" && repaint.error && (
            <RequestError
              title={`Scene ${scene.scene_number} could not be repainted`}
              error={repaint.error}
              onRetry={onRepaint}
            />
          )}
          <p className="sr-only" aria-live="polite">
            Scene {scene.scene_number} lasts {formatSeconds(scene.duration)}.
          </p>
        </CardContent>
      </div>
    </Card>
  );
}
