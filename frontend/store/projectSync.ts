/**
 * The studio's work kept on the server. The current project is made on the first real work
 * (the first step request, the first chat message, or "New project"); every step request
 * then names it so the backend records the result; what no endpoint sees (hand edits of the
 * brief and the storyboard, the mood chosen) is saved with a debounced `PATCH`.
 */
import { createProject, readProject, updateProject } from "@/lib/api/projects";
import { setProjectSource } from "@/lib/api/recording";
import { toErrorInfo } from "@/lib/errors";
import type { ErrorInfo } from "@/types/shared.types";

import { useAppStore } from "./appStore";
import { handEdits, newProjectBody } from "./project";

let creating: Promise<string> | null = null;

/** The current project's id, making the project (with the work so far) if there is none. */
export function ensureProject(): Promise<string> {
  const { projectId } = useAppStore.getState();
  if (projectId) return Promise.resolve(projectId);
  creating ??= createProject(newProjectBody(useAppStore.getState()))
    .then((project) => {
      useAppStore.getState().setProject(project.project_id, project.name);
      return project.project_id;
    })
    .finally(() => {
      creating = null;
    });
  return creating;
}

setProjectSource({
  current: ensureProject,
  forget: (projectId) => {
    // Deleted elsewhere: the work on screen stays and goes into a new project on the next step.
    if (useAppStore.getState().projectId === projectId) useAppStore.getState().setProject(null, null);
  },
});

/** Start a clean studio on a new, empty project. */
export async function startNewProject(): Promise<string> {
  useAppStore.getState().reset();
  return ensureProject();
}

/** Replace the studio's work with the project as the server has it. */
export async function openProject(projectId: string, signal?: AbortSignal): Promise<void> {
  const project = await readProject(projectId, signal);
  useAppStore.getState().loadProject(project);
}

export type SaveState = { state: "idle" | "saving" | "saved" } | { state: "error"; error: ErrorInfo };

export interface AutosaveOptions {
  delayMs?: number;
  save?: typeof updateProject;
  onState?: (state: SaveState) => void;
}

/**
 * Save hand edits `delayMs` after the last one. A project that is just made or just opened is
 * already saved as it stands; only later changes are sent. Returns the unsubscribe.
 */
export function startAutosave({ delayMs = 800, save = updateProject, onState }: AutosaveOptions = {}): () => void {
  let projectId = useAppStore.getState().projectId;
  let saved = JSON.stringify(handEdits(useAppStore.getState()));
  let timer: ReturnType<typeof setTimeout> | null = null;

  const flush = async () => {
    timer = null;
    const state = useAppStore.getState();
    if (!state.projectId) return;
    const edits = handEdits(state);
    const snapshot = JSON.stringify(edits);
    if (snapshot === saved) return;
    onState?.({ state: "saving" });
    try {
      await save(state.projectId, edits);
      saved = snapshot;
      onState?.({ state: "saved" });
    } catch (error) {
      onState?.({ state: "error", error: toErrorInfo(error) });
    }
  };

  const unsubscribe = useAppStore.subscribe((state) => {
    if (state.projectId !== projectId) {
      projectId = state.projectId;
      saved = JSON.stringify(handEdits(state));
      if (timer) clearTimeout(timer);
      timer = null;
      onState?.({ state: "idle" });
      return;
    }
    if (!projectId || JSON.stringify(handEdits(state)) === saved) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void flush(), delayMs);
  });
  return () => {
    unsubscribe();
    if (timer) clearTimeout(timer);
  };
}
