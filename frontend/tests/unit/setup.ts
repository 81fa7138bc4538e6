import "@testing-library/jest-dom/vitest";

import { cleanup } from "@testing-library/react";
import { afterEach, vi } from "vitest";

import { useAppStore } from "@/store/appStore";

/** Pure-logic files opt into `@vitest-environment node` (faster); they have no DOM or storage. */
const hasDom = typeof window !== "undefined";

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  if (!hasDom) return;
  cleanup();
  // Every test starts from an empty studio and empty storage (reset() itself persists).
  useAppStore.getState().reset();
  localStorage.clear();
});
