/**
 * Every step request names the studio's current project (`?project_id=`), so the backend
 * records the step's result in it. The store supplies the project (creating it on the first
 * real work); this module only knows how to ask for it, so the API client does not import the
 * store.
 */
import { ApiError } from "@/lib/errors";

export interface ProjectSource {
  /** The current project's id, made first if there is none; null when steps are not recorded. */
  current: () => Promise<string | null>;
  /** `projectId` no longer exists on the server: stop naming it. */
  forget: (projectId: string) => void;
}

let source: ProjectSource = { current: () => Promise.resolve(null), forget: () => {} };

/** Where step requests get their project from (the store sets this once). */
export function setProjectSource(next: ProjectSource): void {
  source = next;
}

/** `url` (a path or an absolute URL) naming `projectId`, or naming none. */
export function withProject(url: string, projectId: string | null): string {
  const [base = "", query = ""] = url.split("?", 2);
  const params = new URLSearchParams(query);
  if (projectId) params.set("project_id", projectId);
  else params.delete("project_id");
  const search = params.toString();
  return search ? `${base}?${search}` : base;
}

/** `path` with the current project's `project_id`, or `path` when there is none. */
export async function recordedPath(path: string): Promise<string> {
  return withProject(path, await source.current());
}

/**
 * Run a step for the current project. A project deleted meanwhile (in another browser) is
 * replaced by a new one holding the work on screen, and the step runs once more for it, so
 * the user's next step is not refused for a project they cannot see.
 */
export async function recorded<T>(url: string, run: (url: string) => Promise<T>): Promise<T> {
  const projectId = await source.current();
  try {
    return await run(withProject(url, projectId));
  } catch (error) {
    if (!projectId || !(error instanceof ApiError) || error.code !== "project_not_found") throw error;
    source.forget(projectId);
    return run(await recordedPath(url));
  }
}
