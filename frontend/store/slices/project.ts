import type { StateCreator } from "zustand";

import { projectToState } from "../project";
import type { AppState, ProjectSlice } from "../types";

export const projectInitial = () => ({ projectId: null, projectName: null }) satisfies Partial<ProjectSlice>;

export const createProjectSlice: StateCreator<AppState, [], [], ProjectSlice> = (set) => ({
  ...projectInitial(),
  setProject: (projectId, projectName) => set({ projectId, projectName }),
  loadProject: (project) => set(projectToState(project)),
});
