import { formatSeconds, timelineSegments, TOTAL_DURATION, totalDuration } from "@/lib/timing";
import type { Scene } from "@/types/scene.types";

// Alternating fills, each with a text colour that stays readable on it.
const SHADES = ["bg-brand text-primary", "bg-primary text-primary-foreground"];

/** The 30 s as a bar: each scene's segment is its share of the ad. */
export function SceneTimeline({ scenes }: { scenes: Scene[] }) {
  const durations = scenes.map((s) => s.duration);
  const segments = timelineSegments(durations);
  const total = totalDuration(durations);
  return (
    <figure className="grid gap-1.5" data-testid="scene-timeline">
      <div
        className="flex h-9 w-full overflow-hidden rounded-lg border"
        role="img"
        aria-label={`Timeline: ${scenes
          .map((s) => `scene ${s.scene_number} ${formatSeconds(s.duration)}`)
          .join(", ")}; ${formatSeconds(total)} in all`}
      >
        {segments.map((segment) => (
          <div
            key={scenes[segment.index]!.scene_number}
            className={`${SHADES[segment.index % SHADES.length]} flex items-center justify-center border-r border-background text-xs font-medium last:border-r-0`}
            style={{ width: `${segment.percent}%` }}
            title={`Scene ${scenes[segment.index]!.scene_number}: ${formatSeconds(segment.duration)}`}
            data-testid="timeline-segment"
          >
            <span className="truncate px-1">{formatSeconds(segment.duration)}</span>
          </div>
        ))}
      </div>
      <figcaption className="flex justify-between text-xs text-muted-foreground">
        <span>0 s</span>
        <span>
          {formatSeconds(total)} of {formatSeconds(TOTAL_DURATION)}
        </span>
      </figcaption>
    </figure>
  );
}
