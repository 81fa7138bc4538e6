/**
 * Storyboard arithmetic. The rules (5–7 scenes of 1–15 s in half seconds, summing to exactly
 * 30 s) are the backend's, read from the generated contract (`studioConfig`, the body of
 * `GET /api/config`). Rebalancing after an edit is a port of the backend's one algorithm
 * (`app/storyboard_rules.py`: `allocate`, `set_scene_duration`), run here so a stepper click
 * answers at once; `tests/unit/storyboardRules.test.ts` checks it against the golden vectors
 * the backend writes (`make contract`), so the two cannot drift apart.
 */

import { studioConfig } from "@/types/api.generated";

const RULES = studioConfig.storyboard;

export const TOTAL_DURATION = RULES.total_seconds;
export const MIN_SCENE_SECONDS = RULES.min_scene_seconds;
export const MAX_SCENE_SECONDS = RULES.max_scene_seconds;
export const DURATION_STEP = RULES.step_seconds;
export const MIN_SCENES = RULES.min_scenes;
export const MAX_SCENES = RULES.max_scenes;
export const FPS = RULES.fps;

const EPSILON = 1e-6;

export function totalDuration(durations: number[]): number {
  return durations.reduce((sum, d) => sum + d, 0);
}

export function sumsToTotal(durations: number[]): boolean {
  return Math.abs(totalDuration(durations) - TOTAL_DURATION) < EPSILON;
}

/** The nearest whole step, halves rounding up (`round_to_step`). */
function roundToStep(value: number, step = DURATION_STEP): number {
  return Math.floor(value / step + 0.5) * step;
}

const sum = (values: number[]) => values.reduce((total, v) => total + v, 0);

/** Continuous allocation ∝ weights, clamped to bounds, summing to `total` (water-filling). */
function share(weights: number[], lows: number[], highs: number[], total: number): number[] {
  const spread = (scale: number) => weights.map((w, i) => Math.min(Math.max(scale * w, lows[i]!), highs[i]!));
  let low = 0;
  let high = Math.max(...highs) / Math.min(...weights);
  for (let i = 0; i < 64; i += 1) {
    const middle = (low + high) / 2;
    if (sum(spread(middle)) < total) low = middle;
    else high = middle;
  }
  return spread(high);
}

/**
 * Durations ∝ `weights`, each within its [min, max] bounds, multiples of `step`, summing to
 * exactly `total` (the backend's `allocate`). Throws when the bounds make that impossible.
 */
export function allocate(
  weights: number[],
  bounds: [number, number][],
  total = TOTAL_DURATION,
  step = DURATION_STEP,
): number[] {
  if (weights.length !== bounds.length || weights.length === 0) throw new Error("one bound per weight");
  if (weights.some((w) => !(w > 0))) throw new Error("weights must be positive");
  const units = Math.round(total / step);
  const lows = bounds.map(([lo]) => Math.ceil(lo / step - 1e-9));
  const highs = bounds.map(([, hi]) => Math.floor(hi / step + 1e-9));
  if (lows.some((lo, i) => lo > highs[i]!)) throw new Error("a scene's minimum is above its maximum");
  if (!(sum(lows) <= units && units <= sum(highs))) throw new Error("the scenes cannot fill the total");

  const ideal = share(weights, lows, highs, units);
  const counts = ideal.map((x, i) => Math.min(Math.max(Math.floor(x), lows[i]!), highs[i]!));
  const remainder = (i: number) => ideal[i]! - Math.floor(ideal[i]!);
  const order = counts.map((_, i) => i).sort((a, b) => remainder(b) - remainder(a) || a - b);
  while (sum(counts) < units) {
    const index = order.find((i) => counts[i]! < highs[i]!)!;
    counts[index]! += 1;
    order.splice(order.indexOf(index), 1);
    order.push(index);
  }
  while (sum(counts) > units) {
    const index = [...order].reverse().find((i) => counts[i]! > lows[i]!)!;
    counts[index]! -= 1;
    order.splice(order.indexOf(index), 1);
    order.unshift(index);
  }
  return counts.map((count) => count * step);
}

/**
 * Give scene `index` the `requested` duration (in steps, within the scene bounds) and share
 * what is left of the storyboard's total between the others in proportion to their lengths
 * (the backend's `set_scene_duration`). When the others cannot absorb the whole change, the
 * edited scene gets as close as they allow. Returns a new array.
 */
export function setSceneDuration(durations: number[], index: number, requested: number): number[] {
  const current = [...durations];
  const count = current.length;
  if (index < 0 || index >= count || !Number.isInteger(index) || !Number.isFinite(requested)) return current;
  const total = roundToStep(totalDuration(current));
  const others = count - 1;
  const lowest = Math.max(MIN_SCENE_SECONDS, total - others * MAX_SCENE_SECONDS);
  const highest = Math.min(MAX_SCENE_SECONDS, total - others * MIN_SCENE_SECONDS);
  if (lowest > highest) return current;
  const target = Math.min(highest, Math.max(lowest, roundToStep(requested)));
  const weights = current.map((d) => (d > 0 ? d : DURATION_STEP));
  const bounds = current.map((): [number, number] => [MIN_SCENE_SECONDS, MAX_SCENE_SECONDS]);
  bounds[index] = [target, target];
  return allocate(weights, bounds, total);
}

export interface TimelineSegment {
  index: number;
  start: number;
  duration: number;
  /** Share of the whole ad, 0–100. */
  percent: number;
}

export function timelineSegments(durations: number[]): TimelineSegment[] {
  const total = totalDuration(durations) || 1;
  let start = 0;
  return durations.map((duration, index) => {
    const segment = { index, start, duration, percent: (duration / total) * 100 };
    start += duration;
    return segment;
  });
}

/** "4 s", "4.5 s" — durations as people read them. */
export function formatSeconds(seconds: number): string {
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}
