/** How long a background job has left, estimated from how fast its progress has moved. */

/** When a job started and when its progress last moved (milliseconds since the epoch). */
export interface JobClock {
  startedAt: number;
  progressAt: number;
}

/** Below this much progress the rate says too little to estimate from. */
const MIN_PROGRESS = 5;

/** Seconds left at the rate progress has moved so far, or null when there is no telling. */
export function secondsLeft(progress: number, clock: JobClock | null): number | null {
  if (!clock || progress < MIN_PROGRESS || progress >= 100) return null;
  const elapsed = (clock.progressAt - clock.startedAt) / 1000;
  if (elapsed <= 0) return null;
  return (elapsed * (100 - progress)) / progress;
}

/** "About 3 minutes left", in words a person reads at a glance. */
export function describeTimeLeft(seconds: number | null): string | null {
  if (seconds === null) return null;
  if (seconds < 45) return "Less than a minute left";
  if (seconds < 90) return "About a minute left";
  return `About ${Math.round(seconds / 60)} minutes left`;
}
