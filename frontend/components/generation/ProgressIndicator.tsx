import { Progress } from "@/components/ui/progress";

/** Overall progress of a background job, announced to screen readers as it moves. */
export function ProgressIndicator({ label, value }: { label: string; value: number }) {
  const percent = Math.round(Math.min(100, Math.max(0, value)));
  return (
    <div className="grid gap-1.5">
      <div className="flex justify-between text-sm">
        <span>{label}</span>
        <span className="tabular-nums text-muted-foreground" aria-live="polite">
          {percent}%
        </span>
      </div>
      <Progress value={percent} aria-label={label} />
    </div>
  );
}
