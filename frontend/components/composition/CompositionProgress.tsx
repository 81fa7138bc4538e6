import { Loader2, WifiOff } from "lucide-react";

import { ProgressIndicator } from "@/components/generation/ProgressIndicator";
import type { JobClock } from "@/lib/eta";
import { TOTAL_DURATION } from "@/lib/timing";

/** What composition is doing while the bar moves; or, while the server is out of reach, that. */
export function CompositionProgress({
  progress,
  clipCount,
  clock = null,
  lost = false,
}: {
  progress: number;
  clipCount: number;
  clock?: JobClock | null;
  lost?: boolean;
}) {
  return (
    <div className="mx-auto grid w-full max-w-md gap-4 rounded-xl border p-6 text-center">
      {lost ? (
        <WifiOff className="mx-auto size-8 text-muted-foreground" aria-hidden />
      ) : (
        <Loader2 className="mx-auto size-8 animate-spin text-brand" aria-hidden />
      )}
      <div>
        <p className="font-medium">
          {lost ? "Lost contact with the server, retrying…" : "Composing your ad"}
        </p>
        <p className="text-sm text-muted-foreground">
          {lost
            ? "The last progress it reported is below; the ad keeps composing on the server."
            : `Scoring music and joining ${clipCount} clips with crossfades into ${TOTAL_DURATION} seconds.`}
        </p>
      </div>
      <ProgressIndicator label="Composition" value={progress} clock={lost ? null : clock} />
    </div>
  );
}
