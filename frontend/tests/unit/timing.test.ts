// @vitest-environment node
import { describe, expect, test } from "vitest";

import {
  formatSeconds,
  MAX_SCENE_SECONDS,
  MIN_SCENE_SECONDS,
  setSceneDuration,
  sumsToTotal,
  timelineSegments,
  TOTAL_DURATION,
  totalDuration,
} from "@/lib/timing";

/** mulberry32: a small seeded PRNG, so a failing run can be replayed exactly. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random valid storyboard: 5–7 scenes of 1–15 s in half seconds, summing to 30 s. */
function randomStoryboard(random: () => number): number[] {
  const count = 5 + Math.floor(random() * 3);
  const durations = Array.from({ length: count }, () => MIN_SCENE_SECONDS);
  let halfSteps = (TOTAL_DURATION - count * MIN_SCENE_SECONDS) * 2;
  while (halfSteps > 0) {
    const i = Math.floor(random() * count);
    if (durations[i]! < MAX_SCENE_SECONDS) {
      durations[i] = durations[i]! + 0.5;
      halfSteps -= 1;
    }
  }
  return durations;
}

function expectValidStoryboard(durations: number[]) {
  expect(totalDuration(durations)).toBe(TOTAL_DURATION);
  for (const d of durations) {
    expect(d).toBeGreaterThanOrEqual(MIN_SCENE_SECONDS);
    expect(d).toBeLessThanOrEqual(MAX_SCENE_SECONDS);
    expect(Number.isInteger(d * 2)).toBe(true);
  }
}

describe("setSceneDuration", () => {
  test("sets the edited scene and keeps the total at 30 s", () => {
    const next = setSceneDuration([4, 6, 6, 6, 8], 0, 7);
    expect(next[0]).toBe(7);
    expectValidStoryboard(next);
  });

  test("does not modify the array it is given", () => {
    const durations = [4, 6, 6, 6, 8];
    setSceneDuration(durations, 0, 10);
    expect(durations).toEqual([4, 6, 6, 6, 8]);
  });

  // The others share the change in proportion to their lengths (the backend's one algorithm;
  // `storyboardRules.test.ts` holds the port to the backend's own answers).
  test("takes time from the others in proportion to their lengths", () => {
    expect(setSceneDuration([4, 6, 6, 6, 8], 0, 7)).toEqual([7, 5.5, 5.5, 5, 7]);
    // One half second comes from the longest scene only.
    expect(setSceneDuration([4, 6, 6, 6, 8], 0, 4.5)).toEqual([4.5, 6, 6, 6, 7.5]);
  });

  test("gives time to the others in proportion to their lengths", () => {
    expect(setSceneDuration([8, 4, 6, 6, 6], 0, 7.5)).toEqual([7.5, 4, 6.5, 6, 6]);
    expect(setSceneDuration([10, 2, 6, 6, 6], 0, 4)).toEqual([4, 2.5, 8, 8, 7.5]);
  });

  test("clamps the request to 1–15 s", () => {
    const longest = setSceneDuration([6, 6, 6, 6, 6], 2, 40);
    expect(longest[2]).toBe(MAX_SCENE_SECONDS);
    expectValidStoryboard(longest);

    const shortest = setSceneDuration([6, 6, 6, 6, 6], 2, -3);
    expect(shortest[2]).toBe(MIN_SCENE_SECONDS);
    expectValidStoryboard(shortest);
  });

  test("rounds the request to the nearest half second", () => {
    expect(setSceneDuration([6, 6, 6, 6, 6], 0, 7.2)[0]).toBe(7);
    expect(setSceneDuration([6, 6, 6, 6, 6], 0, 7.3)[0]).toBe(7.5);
    expect(setSceneDuration([6, 6, 6, 6, 6], 0, 4.76)[0]).toBe(5);
  });

  test("never pushes another scene outside 1–15 s", () => {
    // Scene 1 grows by 9 s: the two 1 s scenes give nothing, the long ones give it all.
    expect(setSceneDuration([6, 1, 1, 7, 15], 0, 15)).toEqual([15, 1, 1, 4, 9]);
    // Scene 1 shrinks by 5 s: the 15 s scene takes nothing, the short ones take it all.
    expect(setSceneDuration([9, 15, 2, 2, 2], 0, 4)).toEqual([4, 15, 4, 3.5, 3.5]);
  });

  test("caps the edited scene when the others cannot absorb the change", () => {
    // Two scenes at 1 s can give only 1 s between them.
    expect(setSceneDuration([2, 2, 2], 0, 5)).toEqual([4, 1, 1]);
    // Two full scenes: the other cannot take any time, so nothing moves.
    expect(setSceneDuration([15, 15], 0, 10)).toEqual([15, 15]);
  });

  test("ignores an unknown index or a non-finite request", () => {
    expect(setSceneDuration([6, 6, 6, 6, 6], 9, 3)).toEqual([6, 6, 6, 6, 6]);
    expect(setSceneDuration([6, 6, 6, 6, 6], 0, Number.NaN)).toEqual([6, 6, 6, 6, 6]);
    expect(setSceneDuration([6, 6, 6, 6, 6], 0, Number.POSITIVE_INFINITY)).toEqual([6, 6, 6, 6, 6]);
  });

  test("many random edits keep every storyboard valid (seeded)", () => {
    const random = prng(20250611);
    for (let run = 0; run < 40; run += 1) {
      let durations = randomStoryboard(random);
      expectValidStoryboard(durations);
      for (let edit = 0; edit < 25; edit += 1) {
        const index = Math.floor(random() * durations.length);
        // Requests well outside the bounds and off the half-second grid too.
        const requested = Math.round((random() * 24 - 4) * 100) / 100;
        const before = durations;
        durations = setSceneDuration(durations, index, requested);
        expectValidStoryboard(durations);
        // With 5–7 scenes the others can always absorb the change, so the edit lands exactly.
        const wanted = Math.min(15, Math.max(1, Math.round(requested * 2) / 2));
        expect(durations[index], `run ${run} edit ${edit}: ${before} [${index}] ← ${requested}`).toBe(
          wanted,
        );
        expect(sumsToTotal(durations)).toBe(true);
      }
    }
  });
});

describe("timelineSegments", () => {
  test("segments start where the previous ended and their shares sum to 100 %", () => {
    const segments = timelineSegments([4, 6, 6, 6, 8]);
    expect(segments.map((s) => s.start)).toEqual([0, 4, 10, 16, 22]);
    expect(segments.reduce((sum, s) => sum + s.percent, 0)).toBeCloseTo(100, 10);
    expect(segments[4]!.percent).toBeCloseTo((8 / 30) * 100, 10);
  });

  test("shares sum to 100 % for random storyboards", () => {
    const random = prng(7);
    for (let i = 0; i < 50; i += 1) {
      const segments = timelineSegments(randomStoryboard(random));
      expect(segments.reduce((sum, s) => sum + s.percent, 0)).toBeCloseTo(100, 9);
    }
  });

  test("an empty storyboard has no segments", () => {
    expect(timelineSegments([])).toEqual([]);
  });
});

describe("formatSeconds", () => {
  test("whole seconds without decimals, halves with one", () => {
    expect(formatSeconds(4)).toBe("4 s");
    expect(formatSeconds(4.5)).toBe("4.5 s");
    expect(formatSeconds(30)).toBe("30 s");
  });
});
