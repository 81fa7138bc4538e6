"use client";

import { useCallback, useEffect, useState } from "react";
import { ArrowLeft, FolderPlus } from "lucide-react";

import { RequestError } from "@/components/studio/RequestError";
import { StepHeader } from "@/components/studio/StepHeader";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { deleteProject, duplicateProject, listProjects, updateProject } from "@/lib/api/projects";
import { toErrorInfo } from "@/lib/errors";
import { useAppStore } from "@/store/appStore";
import { openProject, startNewProject } from "@/store/projectSync";
import type { ProjectSummary } from "@/types/project.types";
import type { ErrorInfo } from "@/types/shared.types";

import { ProjectCard } from "./ProjectCard";

type Listing = { state: "loading" } | { state: "error"; error: ErrorInfo } | { state: "ready"; projects: ProjectSummary[] };

/** Every saved project, newest first; opening one puts it in the studio. */
export function ProjectGallery({ onClose }: { onClose: () => void }) {
  const currentId = useAppStore((s) => s.projectId);
  const [listing, setListing] = useState<Listing>({ state: "loading" });
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<{ title: string; error: ErrorInfo } | null>(null);

  const load = useCallback(
    (signal?: AbortSignal) =>
      listProjects(signal).then(
        (projects) => setListing({ state: "ready", projects }),
        (error: unknown) => {
          if (!signal?.aborted) setListing({ state: "error", error: toErrorInfo(error) });
        },
      ),
    [],
  );

  // The gallery replaces the step on screen: focus goes to its heading, as for a step.
  useEffect(() => document.getElementById("projects-title")?.focus(), []);

  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load]);

  /** Run one action on a project; its failure is shown above the list, which is then reloaded. */
  const act = async (projectId: string, title: string, action: () => Promise<unknown>) => {
    setBusy(projectId);
    setFailure(null);
    try {
      await action();
      return true;
    } catch (error) {
      setFailure({ title, error: toErrorInfo(error) });
      return false;
    } finally {
      setBusy(null);
      await load();
    }
  };

  const open = async (projectId: string) => {
    setBusy(projectId);
    setFailure(null);
    try {
      await openProject(projectId);
      onClose();
    } catch (error) {
      setFailure({ title: "The project could not be opened", error: toErrorInfo(error) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <section aria-labelledby="projects-title">
      <StepHeader
        id="projects-title"
        title="Your projects"
        description="Every ad you started, saved on the server: open one in any browser."
        actions={
          <>
            <Button variant="outline" size="sm" onClick={onClose}>
              <ArrowLeft aria-hidden /> Back to the studio
            </Button>
            <Button
              size="sm"
              disabled={busy !== null}
              onClick={() =>
                void act("new", "A new project could not be made", startNewProject).then((ok) => ok && onClose())
              }
            >
              <FolderPlus aria-hidden /> New project
            </Button>
          </>
        }
      />
      {failure && (
        <div className="mb-4">
          <RequestError title={failure.title} error={failure.error} />
        </div>
      )}
      {listing.state === "loading" && (
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-busy="true" aria-label="Loading your projects">
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} className="aspect-video w-full" />
          ))}
        </div>
      )}
      {listing.state === "error" && (
        <RequestError title="Your projects could not be listed" error={listing.error} onRetry={() => {
            setListing({ state: "loading" });
            void load();
          }} />
      )}
      {listing.state === "ready" && listing.projects.length === 0 && (
        <p className="rounded-lg border border-dashed p-8 text-center text-muted-foreground">
          No projects yet. Start a chat with the director, or make a new project.
        </p>
      )}
      {listing.state === "ready" && listing.projects.length > 0 && (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-label="Projects">
          {listing.projects.map((project) => (
            <li key={project.project_id} className="min-w-0">
              <ProjectCard
                project={project}
                current={project.project_id === currentId}
                busy={busy === project.project_id}
                actions={{
                  onOpen: () => void open(project.project_id),
                  onRename: async (name) => {
                    await act(project.project_id, "The project could not be renamed", async () => {
                      await updateProject(project.project_id, { name });
                      if (project.project_id === useAppStore.getState().projectId) {
                        useAppStore.getState().setProject(project.project_id, name);
                      }
                    });
                  },
                  onDuplicate: () =>
                    void act(project.project_id, "The project could not be duplicated", () =>
                      duplicateProject(project.project_id),
                    ),
                  onDelete: () =>
                    void act(project.project_id, "The project could not be deleted", async () => {
                      await deleteProject(project.project_id);
                      // The work on screen was that project's: the studio starts clean.
                      if (project.project_id === useAppStore.getState().projectId) useAppStore.getState().reset();
                    }),
                }}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
