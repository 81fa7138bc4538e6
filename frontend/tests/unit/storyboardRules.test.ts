// @vitest-environment node
import { describe, expect, test } from "vitest";

import { allocate, setSceneDuration } from "@/lib/timing";

import golden from "./golden/storyboard_rules.json";

/**
 * The studio's rebalancing is a port of the backend's one algorithm, not a third one: it must
 * answer exactly what the backend answered for each of its golden vectors
 * (`python -m app.contract golden`, rewritten by `make contract`).
 */
describe("the studio's storyboard arithmetic is the backend's", () => {
  test.each(golden.allocate)("allocate($weights) → $out", ({ weights, bounds, out }) => {
    expect(allocate(weights, bounds as [number, number][])).toEqual(out);
  });

  test.each(golden.set_scene_duration)(
    "setSceneDuration($durations, $index, $requested) → $out",
    ({ durations, index, requested, out }) => {
      expect(setSceneDuration(durations, index, requested)).toEqual(out);
    },
  );
});
