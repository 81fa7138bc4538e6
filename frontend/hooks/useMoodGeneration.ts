"use client";

import { useCallback } from "react";

import { generateMoods } from "@/lib/api/moods";
import { useAppStore } from "@/store/appStore";
import { briefKey } from "@/store/keys";
import { tracked } from "@/store/requests";
import { moodsStale } from "@/store/selectors";

import { useRequestStatus } from "./useRequestStatus";

/**
 * Step 2: three moods for the brief; "New moods" asks for directions not yet shown and keeps
 * the earlier sets to go back to.
 */
export function useMoodGeneration() {
  const moods = useAppStore((s) => s.moods);
  const selectedMoodId = useAppStore((s) => s.selectedMoodId);
  const selectMood = useAppStore((s) => s.selectMood);
  const setCount = useAppStore((s) => s.moodSets?.length ?? 0);
  const setIndex = useAppStore((s) => s.moodSetIndex ?? 0);
  const showMoodSet = useAppStore((s) => s.showMoodSet);
  const stale = useAppStore(moodsStale);
  const request = useRequestStatus("moods");

  const generate = useCallback(async (options: { fresh?: boolean } = {}) => {
    const { creativeBrief, shownStyleNames, setMoods } = useAppStore.getState();
    if (!creativeBrief) return;
    const avoid = options.fresh ? shownStyleNames : [];
    await tracked("moods", async () =>
      setMoods(await generateMoods(creativeBrief, avoid), briefKey(creativeBrief)),
    );
  }, []);

  return {
    moods,
    selectedMoodId,
    selectMood,
    setCount,
    setIndex,
    showMoodSet,
    stale,
    request,
    generate,
  };
}
