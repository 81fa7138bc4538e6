import { Progress } from "@/components/ui/progress";
import { describeTimeLeft, type JobClock, secondsLeft } from "@/lib/eta";

/**
 * Overall progress of a background job, announced to screen readers as it moves, with the time
 * left once the rate says something (pass `clock`).
 */
export function ProgressIndicator({
  label,
  value,
  clock = null,
}: {
  label: string;
  value: number;
  clock?: JobClock | null;
}) {
  const percent = Math.round(Math.min(100, Math.max(0, value)));
  const timeLeft = describeTimeLeft(secondsLeft(value, clock));
  return (
    <div className="grid gap-1.5">
      <div className="flex flex-wrap justify-between gap-x-3 text-sm">
        <span>{label}</span>
        <span className="tabular-nums text-muted-foreground" aria-live="polite">
          {percent}%{timeLeft && <span data-testid="time-left"> · {timeLeft}</span>}
        </span>
      </div>
      <Progress value={percent} aria-label={label} />
    </div>
  );
}
