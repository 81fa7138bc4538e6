import type { StateCreator } from "zustand";

import type { AppState, MoodSet, MoodsSlice } from "../types";

export const moodsInitial = () =>
  ({
    moods: [],
    moodSets: [],
    moodSetIndex: 0,
    selectedMoodId: null,
    shownStyleNames: [],
    moodsKey: null,
  }) satisfies Partial<MoodsSlice>;

/** Sets saved before sets were kept have only `moods`: that is the first set. */
function knownSets(state: AppState): MoodSet[] {
  if (state.moodSets?.length) return state.moodSets;
  return state.moods.length ? [{ moods: state.moods, key: state.moodsKey }] : [];
}

export const createMoodsSlice: StateCreator<AppState, [], [], MoodsSlice> = (set) => ({
  ...moodsInitial(),
  setMoods: (moods, key) =>
    set((state) => {
      // A new set joins the earlier ones, which stay browsable; the choice made in any of them
      // stays chosen, so the storyboard planned for it stays valid.
      const moodSets = [...knownSets(state), { moods, key: key ?? state.moodsKey }];
      return {
        moods,
        moodSets,
        moodSetIndex: moodSets.length - 1,
        moodsKey: key ?? state.moodsKey,
        shownStyleNames: [
          ...state.shownStyleNames,
          ...moods.map((m) => m.style_name).filter((n) => !state.shownStyleNames.includes(n)),
        ],
      };
    }),
  showMoodSet: (index) =>
    set((state) => {
      const shown = knownSets(state)[index];
      return shown ? { moods: shown.moods, moodsKey: shown.key, moodSetIndex: index } : {};
    }),
  selectMood: (selectedMoodId) => set({ selectedMoodId }),
});
