import { apiCommand, apiRequest } from "@/lib/api/client";
import type { Project, ProjectCreate, ProjectSummary, ProjectUpdate } from "@/types/project.types";

const base = "/api/projects";
const one = (projectId: string) => `${base}/${encodeURIComponent(projectId)}`;

/** Every project, newest first. */
export async function listProjects(signal?: AbortSignal): Promise<ProjectSummary[]> {
  const { projects } = await apiRequest<{ projects: ProjectSummary[] }>(base, { signal });
  return projects;
}

export function createProject(body: ProjectCreate): Promise<Project> {
  return apiRequest(base, { method: "POST", body });
}

export function readProject(projectId: string, signal?: AbortSignal): Promise<Project> {
  return apiRequest(one(projectId), { signal });
}

/** Rename, or save work: only the fields sent change. */
export function updateProject(projectId: string, patch: ProjectUpdate, signal?: AbortSignal): Promise<Project> {
  return apiRequest(one(projectId), { method: "PATCH", body: patch, signal });
}

export function deleteProject(projectId: string): Promise<void> {
  return apiCommand(one(projectId), { method: "DELETE" });
}

/** A copy named "… (copy)" with the same work and ads. */
export function duplicateProject(projectId: string): Promise<Project> {
  return apiRequest(`${one(projectId)}/duplicate`, { method: "POST" });
}
