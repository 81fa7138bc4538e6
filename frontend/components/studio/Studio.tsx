"use client";

import { useEffect, useRef, useState } from "react";
import { Clapperboard, FolderOpen } from "lucide-react";

import { SignOutButton } from "@/components/auth/SignOutButton";
import { ClipGeneration } from "@/components/generation/ClipGeneration";
import { CompositionStep } from "@/components/composition/CompositionStep";
import { MoodGallery } from "@/components/moods/MoodGallery";
import { ProjectGallery } from "@/components/projects/ProjectGallery";
import { Storyboard } from "@/components/scenes/Storyboard";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { VisionStep } from "@/components/vision/VisionStep";
import { useComposeJobPolling } from "@/hooks/useVideoComposition";
import { useClipJobPolling } from "@/hooks/useVideoGeneration";
import { useAppStore } from "@/store/appStore";
import { type SaveState, startAutosave } from "@/store/projectSync";

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

function SaveNote({ save }: { save: SaveState }) {
  const text =
    save.state === "saving"
      ? "Saving…"
      : save.state === "saved"
        ? "Saved"
        : save.state === "error"
          ? "Not saved"
          : "";
  return (
    <p
      role="status"
      title={save.state === "error" ? save.error.message : undefined}
      // On a phone only a failure takes room in the header; "Saved" is still announced.
      className={save.state === "error" ? "px-1 text-xs text-destructive" : "px-1 text-xs text-muted-foreground max-sm:sr-only"}
    >
      {text}
      {save.state === "error" && <span className="sr-only">: {save.error.message}</span>}
    </p>
  );
}

function HeaderActions({ onProjects, save }: { onProjects: () => void; save: SaveState }) {
  return (
    <div className="flex items-center gap-1">
      <SaveNote save={save} />
      <Button size="sm" variant="ghost" onClick={onProjects}>
        <FolderOpen aria-hidden /> <span className="max-sm:sr-only">Projects</span>
      </Button>
      <NewAdButton />
      <SignOutButton />
    </div>
  );
}

/** The whole studio: one page, five steps, state restored from the last visit; the projects
 * gallery opens from the header. */
export function Studio() {
  const [hydrated, setHydrated] = useState(false);
  const [view, setView] = useState<"studio" | "projects">("studio");
  const [save, setSave] = useState<SaveState>({ state: "idle" });
  const step = useAppStore((s) => s.currentStep);
  useEffect(() => {
    void Promise.resolve(useAppStore.persist.rehydrate()).then(() => setHydrated(true));
  }, []);
  // Hand edits go to the server once the saved state is read (not the empty one before it).
  useEffect(() => (hydrated ? startAutosave({ onState: setSave }) : undefined), [hydrated]);
  // Choosing a step in the header leaves the gallery for that step (state adjusted while
  // rendering, React's pattern for state that follows a value).
  const [viewedStep, setViewedStep] = useState(step);
  if (viewedStep !== step) {
    setViewedStep(step);
    setView("studio");
  }
  const showProjects = () => setView("projects");

  return (
    <div className="flex min-h-dvh flex-col">
      <header className="sticky top-0 z-10 border-b bg-background/90 backdrop-blur">
        <div className="mx-auto flex max-w-6xl flex-col gap-3 px-4 py-3 md:flex-row md:items-center md:justify-between">
          <div className="flex items-center justify-between gap-4">
            <h1 className="flex items-center gap-2 text-lg font-semibold tracking-tight">
              <Clapperboard className="size-5 text-brand" aria-hidden />
              Reelsmith <span className="font-normal text-muted-foreground">Studio</span>
            </h1>
            <div className="md:hidden">{hydrated && <HeaderActions onProjects={showProjects} save={save} />}</div>
          </div>
          {hydrated && <Stepper />}
          <div className="hidden md:block">{hydrated && <HeaderActions onProjects={showProjects} save={save} />}</div>
        </div>
      </header>
      <main className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">
        {hydrated ? (
          <>
            <JobPollers />
            {view === "projects" ? <ProjectGallery onClose={() => setView("studio")} /> : <CurrentStep />}
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
