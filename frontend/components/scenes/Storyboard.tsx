"use client";

import { AlertTriangle, ArrowLeft, ArrowRight, RefreshCw } from "lucide-react";
import { useMemo, useState } from "react";

import { Notice } from "@/components/studio/Notice";
import { failureOf, RequestError } from "@/components/studio/RequestError";
import { StepHeader } from "@/components/studio/StepHeader";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Skeleton } from "@/components/ui/skeleton";
import { useAutoStart } from "@/hooks/useAutoStart";
import { useScenePlanning } from "@/hooks/useScenePlanning";
import { useAppStore } from "@/store/appStore";
import { storyboardEdited, storyboardReady } from "@/store/selectors";
import { lineFits, MAX_CALL_TO_ACTION } from "@/lib/script";
import { TOTAL_DURATION } from "@/lib/timing";
import type { StoryboardScene } from "@/types/scene.types";

import { SceneCard } from "./SceneCard";
import { SceneTimeline } from "./SceneTimeline";

/** Re-planning replaces the user's edits: ask first, with Cancel where focus lands. */
function ReplanConfirm({ onConfirm, onCancel }: { onConfirm: () => void; onCancel: () => void }) {
  return (
    <Alert role="alertdialog" aria-labelledby="replan-title" aria-describedby="replan-text">
      <AlertTriangle aria-hidden />
      <AlertTitle id="replan-title">Replace your storyboard?</AlertTitle>
      <AlertDescription>
        <p id="replan-text">
          A new plan replaces your edited scenes, their lengths and their images.
        </p>
        <div className="mt-2 flex flex-wrap gap-2">
          <Button size="sm" variant="outline" onClick={onCancel} autoFocus>
            Cancel
          </Button>
          <Button size="sm" variant="destructive" onClick={onConfirm}>
            Re-plan anyway
          </Button>
        </div>
      </AlertDescription>
    </Alert>
  );
}

/** What the end card asks the viewer to do, as the director proposed it or the user wrote it. */
function CallToAction() {
  const value = useAppStore((s) => s.scenePlan?.call_to_action ?? "");
  const edit = useAppStore((s) => s.editCallToAction);
  return (
    <div className="grid gap-1.5 rounded-lg border p-4">
      <Label htmlFor="call-to-action">Call to action (end card)</Label>
      <Input
        id="call-to-action"
        value={value}
        maxLength={MAX_CALL_TO_ACTION}
        placeholder="Shop now at lumen.com"
        onChange={(e) => edit(e.target.value)}
      />
      <p className="text-xs text-muted-foreground">
        Shown on the last frame with your logo and the product&apos;s name.
      </p>
    </div>
  );
}

/** Every scene's voiceover against the room its scene leaves (lengths change it). */
function useLineFits(scenes: StoryboardScene[] | undefined) {
  return useMemo(
    () =>
      scenes
        ? lineFits(
            scenes.map((s) => s.voiceover ?? ""),
            scenes.map((s) => s.duration),
          )
        : [],
    [scenes],
  );
}

/** Step 3: the storyboard, 5–7 scenes summing to 30 s, each with its seed image. */
export function Storyboard() {
  const { scenePlan, stale, planRequest, seedsRequest, plan, paintSeeds, repaint } =
    useScenePlanning();
  const setCurrentStep = useAppStore((s) => s.setCurrentStep);
  const ready = useAppStore(storyboardReady);
  const anyEmpty = useAppStore((s) => s.scenePlan?.scenes.some((sc) => !sc.description.trim()));
  const edited = useAppStore(storyboardEdited);
  const planning = planRequest?.state === "loading";
  const painting = seedsRequest?.state === "loading";
  const [confirming, setConfirming] = useState(false);
  const [sameAgain, setSameAgain] = useState(false);
  const fits = useLineFits(scenePlan?.scenes);

  const replan = async () => {
    setConfirming(false);
    setSameAgain(false);
    setSameAgain((await plan()) === "same");
  };

  useAutoStart(scenePlan === null && !planRequest, plan);
  // A reload while seeds were painting leaves a plan without images: paint the rest.
  const unpainted = Boolean(scenePlan?.scenes.some((scene) => !scene.seed_image_url));
  useAutoStart(unpainted && !planRequest && !seedsRequest, paintSeeds);

  return (
    <section aria-labelledby="storyboard-title">
      <StepHeader
        id="storyboard-title"
        title="Storyboard"
        description={`Edit what each scene shows and says and how long it lasts; the ad always stays ${TOTAL_DURATION} seconds.`}
        actions={
          <>
            <Button variant="ghost" onClick={() => setCurrentStep(2)}>
              <ArrowLeft aria-hidden /> Mood
            </Button>
            <Button
              variant="outline"
              onClick={() => (edited ? setConfirming(true) : void replan())}
              disabled={planning || painting || confirming}
            >
              <RefreshCw aria-hidden className={planning ? "animate-spin" : undefined} />
              Re-plan
            </Button>
            <Button
              onClick={() => setCurrentStep(4)}
              disabled={!ready || painting || planning || anyEmpty}
            >
              Make the clips <ArrowRight aria-hidden />
            </Button>
          </>
        }
      />
      <div className="grid gap-4">
        {confirming && (
          <ReplanConfirm onConfirm={() => void replan()} onCancel={() => setConfirming(false)} />
        )}
        {sameAgain && !planning && (
          <p role="status" className="rounded-lg border bg-muted/40 px-4 py-3 text-sm">
            The director planned the same storyboard again, so yours is unchanged. Edit the
            scenes here, or change the brief or the mood for a different plan.
          </p>
        )}
        {stale && !planning && (
          <Notice
            actionLabel="Re-plan for the current mood"
            onAction={() => (edited ? setConfirming(true) : void replan())}
          >
            This storyboard was planned for another mood or an earlier brief.
          </Notice>
        )}
        <RequestError
          title="The storyboard could not be planned"
          error={failureOf(planRequest)}
          onRetry={() => void replan()}
        />
        <RequestError
          title="The seed images could not be painted"
          error={failureOf(seedsRequest)}
          onRetry={() => void paintSeeds()}
        />
        {planning ? (
          <div className="grid gap-3" aria-busy="true" aria-label="Planning the storyboard">
            <Skeleton className="h-9 w-full" />
            {[0, 1, 2].map((i) => (
              <Skeleton key={i} className="h-40 w-full" />
            ))}
          </div>
        ) : scenePlan ? (
          <>
            <SceneTimeline scenes={scenePlan.scenes} />
            <ol className="grid gap-3 lg:grid-cols-2">
              {scenePlan.scenes.map((scene, index) => (
                <li key={scene.scene_number}>
                  <SceneCard
                    scene={scene}
                    seedsLoading={painting && !scene.seed_image_url}
                    onRepaint={() => void repaint(scene.scene_number)}
                    fit={fits[index]}
                  />
                </li>
              ))}
            </ol>
            <CallToAction />
          </>
        ) : (
          planRequest?.state !== "error" && (
            <p className="text-sm text-muted-foreground">No storyboard yet.</p>
          )
        )}
      </div>
    </section>
  );
}
