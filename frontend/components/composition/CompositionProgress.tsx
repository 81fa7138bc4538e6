import { Loader2 } from "lucide-react";

import { ProgressIndicator } from "@/components/generation/ProgressIndicator";

/** What composition is doing while the bar moves. */
export function CompositionProgress({ progress, clipCount }: { progress: number; clipCount: number }) {
  return (
    <div className="mx-auto grid w-full max-w-md gap-4 rounded-xl border p-6 text-center">
      <Loader2 className="mx-auto size-8 animate-spin text-brand" aria-hidden />
      <div>
        <p className="font-medium">Composing your ad</p>
        <p className="text-sm text-muted-foreground">
          Scoring music and joining {clipCount} clips with crossfades into 30 seconds at
          1080×1920.
        </p>
      </div>
      <ProgressIndicator label="Composition" value={progress} />
    </div>
  );
}
