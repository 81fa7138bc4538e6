"use client";

import { useEffect, useRef, useState } from "react";
import { Clapperboard } from "lucide-react";

import { ClipGeneration } from "@/components/generation/ClipGeneration";
import { CompositionStep } from "@/components/composition/CompositionStep";
import { MoodGallery } from "@/components/moods/MoodGallery";
import { Storyboard } from "@/components/scenes/Storyboard";
import { Skeleton } from "@/components/ui/skeleton";
import { VisionStep } from "@/components/vision/VisionStep";
import { useComposeJobPolling } from "@/hooks/useVideoComposition";
import { useClipJobPolling } from "@/hooks/useVideoGeneration";
import { useAppStore } from "@/store/appStore";

import { NewAdButton } from "./NewAdButton";
import { Stepper } from "./Stepper";

function JobPollers() {
  useClipJobPolling();
  useComposeJobPolling();
  return null;
}

/** After a step change (not on load), move focus to the new step's heading. */
function useFocusStepHeading(step: number) {
  const previous = useRef(step);
  useEffect(() => {
    if (previous.current === step) return;
    previous.current = step;
    document.querySelector<HTMLElement>("main h2")?.focus();
  }, [step]);
}

function CurrentStep() {
  const step = useAppStore((s) => s.currentStep);
  useFocusStepHeading(step);
  switch (step) {
    case 1:
      return <VisionStep />;
    case 2:
      return <MoodGallery />;
    case 3:
      return <Storyboard />;
    case 4:
      return <ClipGeneration />;
    case 5:
      return <CompositionStep />;
  }
}

/** The whole studio: one page, five steps, state restored from the last visit. */
export function Studio() {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => {
    void Promise.resolve(useAppStore.persist.rehydrate()).then(() => setHydrated(true));
  }, []);

  return (
    <div className="flex min-h-dvh flex-col">
      <header className="sticky top-0 z-10 border-b bg-background/90 backdrop-blur">
        <div className="mx-auto flex max-w-6xl flex-col gap-3 px-4 py-3 md:flex-row md:items-center md:justify-between">
          <div className="flex items-center justify-between gap-4">
            <h1 className="flex items-center gap-2 text-lg font-semibold tracking-tight">
              <Clapperboard className="size-5 text-brand" aria-hidden />
              Reelsmith <span className="font-normal text-muted-foreground">Studio</span>
            </h1>
            <div className="md:hidden">{hydrated && <NewAdButton />}</div>
          </div>
          {hydrated && <Stepper />}
          <div className="hidden md:block">{hydrated && <NewAdButton />}</div>
        </div>
      </header>
      <main className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">
        {hydrated ? (
          <>
            <JobPollers />
            <CurrentStep />
          </>
        ) : (
          <div className="grid gap-4" aria-busy="true" aria-label="Loading the studio">
            <Skeleton className="h-8 w-64" />
            <Skeleton className="h-96 w-full" />
          </div>
        )}
      </main>
    </div>
  );
}
