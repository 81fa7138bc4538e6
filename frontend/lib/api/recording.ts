/**
 * Every step request names the studio's current project (`?project_id=`), so the backend
 * records the step's result in it. The store supplies the project (creating it on the first
 * real work); this module only knows how to ask for it, so the API client does not import the
 * store.
 */
type ProjectSource = () => Promise<string | null>;

let source: ProjectSource = () => Promise.resolve(null);

/** Where step requests get their project from (the store sets this once). */
export function setProjectSource(next: ProjectSource): void {
  source = next;
}

/** `path` with the current project's `project_id` appended, or `path` when there is none. */
export async function recordedPath(path: string): Promise<string> {
  const projectId = await source();
  if (!projectId) return path;
  const joiner = path.includes("?") ? "&" : "?";
  return `${path}${joiner}project_id=${encodeURIComponent(projectId)}`;
}
