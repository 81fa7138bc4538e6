import type { StateCreator } from "zustand";

import type { Step } from "@/types/shared.types";

import type { AppState, NavigationSlice } from "../types";

export const navigationInitial = {
  currentStep: 1 as Step,
  requests: {},
  pollTrouble: {},
  error: null,
} satisfies Partial<NavigationSlice>;

export function toStep(step: number): Step {
  return Math.min(5, Math.max(1, Math.round(step))) as Step;
}

export const createNavigationSlice = (
  resetAll: () => Partial<AppState>,
): StateCreator<AppState, [], [], NavigationSlice> => (set) => ({
  ...navigationInitial,
  setCurrentStep: (step) => set({ currentStep: toStep(step) }),
  setRequest: (key, status) =>
    set((state) => {
      const requests = { ...state.requests };
      if (status) requests[key] = status;
      else delete requests[key];
      return { requests };
    }),
  setPollTrouble: (job, error) =>
    set((state) => {
      if (!error && !(job in state.pollTrouble)) return {};
      const pollTrouble = { ...state.pollTrouble };
      if (error) pollTrouble[job] = error;
      else delete pollTrouble[job];
      return { pollTrouble };
    }),
  setError: (error) => set({ error }),
  reset: () => set(resetAll()),
});
