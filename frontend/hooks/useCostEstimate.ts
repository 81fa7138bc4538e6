"use client";

import { useEffect, useMemo, useState } from "react";

import { estimateCost } from "@/lib/api/video";
import { useAppStore } from "@/store/appStore";
import type { SceneWithSeed } from "@/types/scene.types";
import type { CostEstimate } from "@/types/video.types";

import { toScenes } from "./useScenePlanning";

/**
 * What rendering the storyboard's clips, then composing the ad, would cost, asked of the
 * backend whenever the storyboard changes; null until it answers. An estimate that cannot be
 * had shows nothing: the button works without it, and the backend still holds the budget.
 */
export function useCostEstimate(): CostEstimate | null {
  const planned = useAppStore((s) => s.scenePlan?.scenes ?? null);
  const scenes: SceneWithSeed[] | null = useMemo(
    () =>
      planned &&
      toScenes(planned).map((scene, i) => ({
        ...scene,
        seed_image_url: planned[i]!.seed_image_url ?? "",
        // The lines the ad would speak: a paid voice is priced by them.
        voiceover: planned[i]!.voiceover ?? "",
      })),
    [planned],
  );
  const key = scenes ? JSON.stringify(scenes) : null;
  const [answer, setAnswer] = useState<{ key: string; estimate: CostEstimate } | null>(null);

  useEffect(() => {
    if (!scenes || !key || scenes.some((scene) => !scene.seed_image_url)) return;
    const controller = new AbortController();
    estimateCost(scenes, controller.signal).then(
      (estimate) => setAnswer({ key, estimate }),
      () => {},
    );
    return () => controller.abort();
    // `key` stands for `scenes`: a new array with the same scenes asks nothing again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  return answer && answer.key === key ? answer.estimate : null;
}
