"use client";

import { AlertCircle, CheckCircle2, Loader2, PauseCircle, RefreshCw } from "lucide-react";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { previewUrl, thumbnail } from "@/lib/previews";
import { formatSeconds } from "@/lib/timing";
import type { GeneratedClip } from "@/types/video.types";

/** One scene's clip: rendering, playable once finished, or failed with its reason and a retry. */
export function ClipProgress({
  clip,
  poster,
  retrying,
  onRetry,
  jobState = "rendering",
}: {
  clip: GeneratedClip;
  poster: string | null;
  /** How the job this clip belongs to stands: a clip not finished only renders while it runs. */
  jobState?: "rendering" | "waiting" | "stopped";
  retrying: boolean;
  onRetry: () => void;
}) {
  return (
    <Card
      className="gap-0 overflow-hidden py-0"
      data-testid="clip-card"
      data-status={clip.status}
      aria-label={`Scene ${clip.scene_number} clip`}
    >
      <div className="relative aspect-[9/16] bg-muted">
        {clip.status === "complete" && clip.video_url ? (
          <video
            src={clip.video_url}
            poster={poster ? previewUrl(poster, 640) : undefined}
            controls
            muted
            playsInline
            loop
            preload="metadata"
            className="h-full w-full object-cover"
            aria-label={`Clip for scene ${clip.scene_number}`}
          />
        ) : (
          <>
            {poster && (
              // eslint-disable-next-line @next/next/no-img-element
              <img
                {...thumbnail(poster, "(min-width: 1024px) 20vw, (min-width: 640px) 30vw, 45vw")}
                alt=""
                className="h-full w-full object-cover opacity-40"
              />
            )}
            <div className="absolute inset-0 flex flex-col items-center justify-center gap-2 p-3 text-center">
              {clip.status === "processing" && jobState === "rendering" ? (
                <>
                  <Loader2 className="size-6 animate-spin" aria-hidden />
                  <span className="text-xs font-medium">Rendering…</span>
                </>
              ) : clip.status === "processing" ? (
                <>
                  <PauseCircle className="size-6 text-muted-foreground" aria-hidden />
                  <span className="text-xs font-medium">
                    {jobState === "waiting" ? "Waiting for the server" : "Not rendered"}
                  </span>
                </>
              ) : (
                <>
                  <AlertCircle className="size-6 text-destructive" aria-hidden />
                  <p className="text-xs font-medium text-destructive" role="alert">
                    {clip.error?.message ?? "This clip could not be made."}
                  </p>
                  <Button size="sm" onClick={onRetry} disabled={retrying}>
                    <RefreshCw aria-hidden className={retrying ? "animate-spin" : undefined} />
                    Retry scene {clip.scene_number}
                  </Button>
                </>
              )}
            </div>
          </>
        )}
      </div>
      <div className="flex flex-wrap items-center justify-between gap-x-2 gap-y-1 px-3 py-2 text-sm">
        <span className="whitespace-nowrap">
          <span className="font-medium">Scene {clip.scene_number}</span>
          {clip.duration !== null && (
            <span className="ml-1.5 text-xs text-muted-foreground">
              {formatSeconds(clip.duration)}
            </span>
          )}
        </span>
        <span className="flex items-center gap-1.5">
          {clip.status === "complete" ? (
            <Badge variant="secondary">
              <CheckCircle2 className="text-success" aria-hidden /> Ready
            </Badge>
          ) : clip.status === "failed" ? (
            <Badge variant="destructive">Failed</Badge>
          ) : (
            <Badge variant="outline">
              {jobState === "rendering" ? "Rendering" : jobState === "waiting" ? "Waiting" : "Stopped"}
            </Badge>
          )}
        </span>
      </div>
    </Card>
  );
}
