import type { StateCreator } from "zustand";

import type { AppState, MoodsSlice } from "../types";

export const moodsInitial = () =>
  ({
    moods: [],
    selectedMoodId: null,
    shownStyleNames: [],
    moodsKey: null,
  }) satisfies Partial<MoodsSlice>;

export const createMoodsSlice: StateCreator<AppState, [], [], MoodsSlice> = (set) => ({
  ...moodsInitial(),
  setMoods: (moods, key) =>
    set((state) => ({
      moods,
      moodsKey: key ?? state.moodsKey,
      // A new set replaces the old one; a choice among the old ones no longer applies.
      selectedMoodId: moods.some((m) => m.mood_id === state.selectedMoodId)
        ? state.selectedMoodId
        : null,
      shownStyleNames: [
        ...state.shownStyleNames,
        ...moods.map((m) => m.style_name).filter((n) => !state.shownStyleNames.includes(n)),
      ],
    })),
  selectMood: (selectedMoodId) => set({ selectedMoodId }),
});
