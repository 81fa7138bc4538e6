"use client";

import { ArrowLeft, ArrowRight, Film, RefreshCw } from "lucide-react";

import { ComposeSettings } from "@/components/composition/ComposeSettings";
import { FormatPicker } from "@/components/composition/FormatPicker";
import { CostNote } from "@/components/studio/CostNote";
import { Notice } from "@/components/studio/Notice";
import { failureOf, RequestError } from "@/components/studio/RequestError";
import { StepHeader } from "@/components/studio/StepHeader";
import { Button } from "@/components/ui/button";
import { useCostEstimate } from "@/hooks/useCostEstimate";
import { useVideoGeneration } from "@/hooks/useVideoGeneration";
import { useAppStore } from "@/store/appStore";

import { ClipProgress } from "./ClipProgress";
import { CostEstimate } from "./CostEstimate";
import { ProgressIndicator } from "./ProgressIndicator";

/** Step 4: every scene's seed image becomes a clip; progress, playback, and retries. */
export function ClipGeneration() {
  const { status, jobError, clips, progress, clock, cost, trouble, ready, stale, request, start, retry } =
    useVideoGeneration();
  const scenes = useAppStore((s) => s.scenePlan?.scenes ?? []);
  const setCurrentStep = useAppStore((s) => s.setCurrentStep);
  const starting = request?.state === "loading";
  const processing = status === "processing";
  const failed = clips.filter((c) => c.status === "failed");
  const hasJob = clips.length > 0;
  const done = clips.filter((c) => c.status === "complete").length;
  // One true sentence about the job: what the server last said, never more.
  const lost = processing && trouble !== null;
  const summary = lost
    ? `Lost contact with the server, retrying… When it last answered, ${done} of ${clips.length} clips were ready.`
    : processing
      ? `Rendering ${clips.length} clips`
      : status === "complete" && failed.length === 0
        ? "All clips are ready"
        : failed.length
          ? `${failed.length} of ${clips.length} clips failed`
          : `Rendering stopped with ${done} of ${clips.length} clips ready`;
  const clipState = lost ? "waiting" : processing ? "rendering" : "stopped";
  // Past the daily budget: said beside the button that was refused, not above the step.
  const failure = failureOf(request);
  const refusal = !hasJob && failure?.code === "budget_exceeded" ? failure : null;

  const posterFor = (sceneNumber: number) =>
    scenes.find((s) => s.scene_number === sceneNumber)?.seed_image_url ?? null;

  return (
    <section aria-labelledby="clips-title">
      <StepHeader
        id="clips-title"
        title="Clips"
        description="Each scene's seed image becomes a moving clip."
        actions={
          <>
            <Button variant="ghost" onClick={() => setCurrentStep(3)}>
              <ArrowLeft aria-hidden /> Storyboard
            </Button>
            {hasJob && (
              <Button
                variant="outline"
                onClick={() => void start()}
                disabled={starting || processing}
              >
                <RefreshCw aria-hidden /> Render all again
              </Button>
            )}
            <Button onClick={() => setCurrentStep(5)} disabled={!ready || processing}>
              Compose the ad <ArrowRight aria-hidden />
            </Button>
          </>
        }
      />
      <div className="grid gap-4">
        {stale && !processing && (
          <Notice actionLabel="Render the new storyboard" onAction={() => void start()}>
            The storyboard has changed since these clips were rendered.
          </Notice>
        )}
        <RequestError
          title="The clips could not be started"
          error={refusal ? null : failure}
          onRetry={() => void start()}
        />
        {/* A job that failed as a whole; failed clips speak for themselves on their cards. */}
        <RequestError
          title="Clip rendering stopped"
          error={status === "failed" && failed.length === 0 ? jobError : null}
          onRetry={() => void start()}
          retryLabel="Render again"
        />
        {!hasJob ? (
          <div className="flex flex-col items-center gap-4 rounded-xl border border-dashed py-12 text-center">
            <Film className="size-8 text-brand" aria-hidden />
            <div>
              <p className="font-medium">
                {scenes.length} scenes are ready to become clips.
              </p>
              <p className="text-sm text-muted-foreground">
                Rendering runs in the background; you can keep browsing the studio.
              </p>
            </div>
            <Button size="lg" onClick={() => void start()} disabled={starting}>
              {starting ? "Starting…" : "Generate clips"}
            </Button>
            <ClipsEstimate />
            {refusal && (
              <p role="alert" className="max-w-md text-sm text-destructive" data-testid="budget-refusal">
                {refusal.message}
              </p>
            )}
          </div>
        ) : (
          <>
            <ProgressIndicator
              label={summary}
              value={status === "complete" ? 100 : progress}
              clock={processing && !lost ? clock : null}
            />
            <CostNote cost={cost} what="This render" />
            <FormatPicker disabled={processing} />
            <div className="max-w-md">
              <ComposeSettings disabled={false} />
            </div>
            {failed.length > 1 && !processing && (
              <div>
                <Button variant="outline" onClick={() => void retry([])} disabled={starting}>
                  <RefreshCw aria-hidden /> Retry the {failed.length} failed clips
                </Button>
              </div>
            )}
            <ol className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
              {clips.map((clip) => (
                <li key={clip.scene_number}>
                  <ClipProgress
                    clip={clip}
                    poster={posterFor(clip.scene_number)}
                    jobState={clipState}
                    retrying={starting}
                    onRetry={() => void retry([clip.scene_number])}
                  />
                </li>
              ))}
            </ol>
          </>
        )}
      </div>
    </section>
  );
}

/** Mounted only before the first render, so the estimate is asked for only then. */
function ClipsEstimate() {
  return <CostEstimate estimate={useCostEstimate()} />;
}
