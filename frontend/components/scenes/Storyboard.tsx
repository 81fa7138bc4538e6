"use client";

import { ArrowLeft, ArrowRight, RefreshCw } from "lucide-react";

import { Notice } from "@/components/studio/Notice";
import { failureOf, RequestError } from "@/components/studio/RequestError";
import { StepHeader } from "@/components/studio/StepHeader";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { useAutoStart } from "@/hooks/useAutoStart";
import { useScenePlanning } from "@/hooks/useScenePlanning";
import { useAppStore } from "@/store/appStore";
import { storyboardReady } from "@/store/selectors";

import { SceneCard } from "./SceneCard";
import { SceneTimeline } from "./SceneTimeline";

/** Step 3: the storyboard, 5–7 scenes summing to 30 s, each with its seed image. */
export function Storyboard() {
  const { scenePlan, stale, planRequest, seedsRequest, plan, paintSeeds, repaint } =
    useScenePlanning();
  const setCurrentStep = useAppStore((s) => s.setCurrentStep);
  const ready = useAppStore(storyboardReady);
  const anyEmpty = useAppStore((s) => s.scenePlan?.scenes.some((sc) => !sc.description.trim()));
  const planning = planRequest?.state === "loading";
  const painting = seedsRequest?.state === "loading";

  useAutoStart(scenePlan === null && !planRequest, plan);
  // A reload while seeds were painting leaves a plan without images: paint the rest.
  const unpainted = Boolean(scenePlan?.scenes.some((scene) => !scene.seed_image_url));
  useAutoStart(unpainted && !planRequest && !seedsRequest, paintSeeds);

  return (
    <section aria-labelledby="storyboard-title">
      <StepHeader
        id="storyboard-title"
        title="Storyboard"
        description="Edit what each scene shows and how long it lasts; the ad always stays 30 seconds."
        actions={
          <>
            <Button variant="ghost" onClick={() => setCurrentStep(2)}>
              <ArrowLeft aria-hidden /> Mood
            </Button>
            <Button variant="outline" onClick={() => void plan()} disabled={planning || painting}>
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
        {stale && !planning && (
          <Notice actionLabel="Re-plan for the current mood" onAction={() => void plan()}>
            This storyboard was planned for another mood or an earlier brief.
          </Notice>
        )}
        <RequestError
          title="The storyboard could not be planned"
          error={failureOf(planRequest)}
          onRetry={() => void plan()}
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
              {scenePlan.scenes.map((scene) => (
                <li key={scene.scene_number}>
                  <SceneCard
                    scene={scene}
                    seedsLoading={painting && !scene.seed_image_url}
                    onRepaint={() => void repaint(scene.scene_number)}
                  />
                </li>
              ))}
            </ol>
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
