/**
 * The studio's one store, shaped after the seed's `AppState`: typed slices composed together
 * and persisted to localStorage so that a reload resumes where the user was. Hydration is
 * manual (`skipHydration`): the server renders the empty studio, the client then reads storage,
 * and the two never disagree during hydration.
 */
import { create } from "zustand";
import { createJSONStorage, persist } from "zustand/middleware";

import { migrateStudio, STORE_VERSION } from "./migrate";
import { createMoodsSlice, moodsInitial } from "./slices/moods";
import { createNavigationSlice, navigationInitial } from "./slices/navigation";
import { createProjectSlice, projectInitial } from "./slices/project";
import { createRequestsSlice, requestsInitial } from "./slices/requests";
import { createScenesSlice, scenesInitial } from "./slices/scenes";
import { createVideoSlice, videoInitial } from "./slices/video";
import { createVisionSlice, visionInitial } from "./slices/vision";
import type { AppState } from "./types";

export const STORE_NAME = "reelsmith-studio";
export { STORE_VERSION };

function initialData(): Partial<AppState> {
  return {
    ...navigationInitial,
    ...requestsInitial(),
    ...visionInitial(),
    ...moodsInitial(),
    ...scenesInitial(),
    ...videoInitial(),
    ...projectInitial(),
  };
}

export const useAppStore = create<AppState>()(
  persist(
    (...a) => ({
      ...createNavigationSlice(initialData)(...a),
      ...createRequestsSlice(...a),
      ...createVisionSlice(...a),
      ...createMoodsSlice(...a),
      ...createScenesSlice(...a),
      ...createVideoSlice(...a),
      ...createProjectSlice(...a),
    }),
    {
      name: STORE_NAME,
      version: STORE_VERSION,
      storage: createJSONStorage(() => localStorage),
      skipHydration: true,
      migrate: migrateStudio,
      // Requests in flight and poll trouble belong to this page load only.
      partialize: ({ requests, pollTrouble, ...kept }) => kept,
    },
  ),
);

export type { AppState } from "./types";
