/**
 * Storyboard arithmetic, mirroring the backend's rules (`app/models/common.py`): 5–7 scenes of
 * 1–15 s each whose durations sum to exactly 30 s. Edits move time in half seconds, so sums
 * stay exact in floating point.
 */

export const TOTAL_DURATION = 30;
export const MIN_SCENE_SECONDS = 1;
export const MAX_SCENE_SECONDS = 15;
export const DURATION_STEP = 0.5;

const EPSILON = 1e-6;

export function totalDuration(durations: number[]): number {
  return durations.reduce((sum, d) => sum + d, 0);
}

export function sumsToTotal(durations: number[]): boolean {
  return Math.abs(totalDuration(durations) - TOTAL_DURATION) < EPSILON;
}

function roundToStep(value: number): number {
  return Math.round(value / DURATION_STEP) * DURATION_STEP;
}

/**
 * Give scene `index` the `requested` duration and keep the total at 30 s by moving half
 * seconds to or from the other scenes: the longest give first, the shortest receive first, so
 * the storyboard keeps its shape. When the others cannot absorb the whole change, the edited
 * scene gets as close as they allow. Returns a new array.
 */
export function setSceneDuration(durations: number[], index: number, requested: number): number[] {
  const next = [...durations];
  const current = next[index];
  if (current === undefined || !Number.isFinite(requested)) return next;
  const target = Math.min(MAX_SCENE_SECONDS, Math.max(MIN_SCENE_SECONDS, roundToStep(requested)));
  const growing = target > current;
  let steps = Math.round(Math.abs(target - current) / DURATION_STEP);
  let moved = 0;
  while (steps > 0) {
    let pick = -1;
    next.forEach((d, i) => {
      if (i === index) return;
      const canMove = growing
        ? d - DURATION_STEP >= MIN_SCENE_SECONDS - EPSILON
        : d + DURATION_STEP <= MAX_SCENE_SECONDS + EPSILON;
      if (!canMove) return;
      if (pick === -1 || (growing ? d > next[pick]! : d < next[pick]!)) pick = i;
    });
    if (pick === -1) break;
    next[pick] = next[pick]! + (growing ? -DURATION_STEP : DURATION_STEP);
    moved += 1;
    steps -= 1;
  }
  next[index] = current + (growing ? 1 : -1) * moved * DURATION_STEP;
  return next;
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
