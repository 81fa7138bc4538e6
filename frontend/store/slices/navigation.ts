import type { StateCreator } from "zustand";

import type { Step } from "@/types/shared.types";

import type { AppState, NavigationSlice } from "../types";

export const navigationInitial = {
  currentStep: 1 as Step,
} satisfies Partial<NavigationSlice>;

export function toStep(step: number): Step {
  return Math.min(5, Math.max(1, Math.round(step))) as Step;
}

export const createNavigationSlice = (
  resetAll: () => Partial<AppState>,
): StateCreator<AppState, [], [], NavigationSlice> => (set) => ({
  ...navigationInitial,
  setCurrentStep: (step) => set({ currentStep: toStep(step) }),
  reset: () => set(resetAll()),
});
