"use client";

import { ArrowLeft, PenLine, RefreshCw } from "lucide-react";

import { CostNote } from "@/components/studio/CostNote";
import { NewAdButton } from "@/components/studio/NewAdButton";
import { Notice } from "@/components/studio/Notice";
import { failureOf, RequestError } from "@/components/studio/RequestError";
import { StepHeader } from "@/components/studio/StepHeader";
import { Button } from "@/components/ui/button";
import { useAutoStart } from "@/hooks/useAutoStart";
import { useVideoComposition } from "@/hooks/useVideoComposition";
import { AD_FORMATS } from "@/lib/formats";
import { formatSeconds, FPS } from "@/lib/timing";
import type { AdFormat } from "@/types/video.types";
import { useAppStore } from "@/store/appStore";
import { composeWordErrors, finalWordsStale, generatedClips } from "@/store/selectors";

import { CaptionDownloads } from "./CaptionDownloads";
import { ComposeSettings } from "./ComposeSettings";
import { CompositionProgress } from "./CompositionProgress";
import { DownloadButton } from "./DownloadButton";
import { FormatPicker } from "./FormatPicker";
import { VideoPlayer } from "./VideoPlayer";

/** Step 5: music, crossfades and the final 30-second ad, ready to watch and download. */
export function CompositionStep() {
  const { jobId, status, jobError, progress, clock, cost, trouble, finalVideo, stale, request, start } =
    useVideoComposition();
  const productName = useAppStore((s) => s.creativeBrief?.product_name);
  const clipCount = useAppStore((s) => generatedClips(s).length);
  const setCurrentStep = useAppStore((s) => s.setCurrentStep);
  const wordsStale = useAppStore(finalWordsStale);
  const linesRefused = useAppStore((s) => Object.keys(composeWordErrors(s)).length > 0);
  const starting = request?.state === "loading";
  const processing = status === "processing";
  const videos = Object.entries(
    finalVideo?.videos ?? (finalVideo ? { "9:16": finalVideo.video_url } : {}),
  ) as [AdFormat, string][];
  const several = videos.length > 1;

  // Arriving here with finished clips and nothing composed yet: start at once.
  useAutoStart(!jobId && !finalVideo && !request, start);

  return (
    <section aria-labelledby="final-title">
      <StepHeader
        id="final-title"
        title="Your ad"
        description="Thirty seconds, vertical, with music, its words and voice: ready to post."
        actions={
          <>
            <Button variant="ghost" onClick={() => setCurrentStep(4)}>
              <ArrowLeft aria-hidden /> Clips
            </Button>
            {finalVideo && (
              <Button variant="outline" onClick={() => void start()} disabled={starting || processing}>
                <RefreshCw aria-hidden /> Compose again
              </Button>
            )}
          </>
        }
      />
      <div className="grid gap-4">
        {stale && !processing && (
          <Notice actionLabel="Compose with the new clips" onAction={() => void start()}>
            The clips have changed since this ad was composed.
          </Notice>
        )}
        {wordsStale && !stale && !processing && (
          <Notice actionLabel="Compose with the new words" onAction={() => void start()}>
            The words, the voice or the captions have changed since this ad was composed.
          </Notice>
        )}
        <RequestError
          title="Composition could not start"
          error={failureOf(request)}
          onRetry={() => void start()}
        />
        {linesRefused && (
          <Button variant="outline" className="justify-self-start" onClick={() => setCurrentStep(3)}>
            <PenLine aria-hidden /> Edit the lines in the storyboard
          </Button>
        )}
        <RequestError
          title={finalVideo ? "Composing again failed; the ad below is the one made before" : "Composition failed"}
          error={status === "failed" ? jobError : null}
          onRetry={() => void start()}
          retryLabel="Compose again"
        />
        {processing || (starting && !finalVideo) ? (
          <CompositionProgress
            progress={processing ? progress : 0}
            clipCount={clipCount}
            clock={clock}
            lost={processing && trouble !== null}
          />
        ) : finalVideo ? (
          <div className="grid items-start gap-6 md:grid-cols-[auto_minmax(0,18rem)] md:justify-center">
            <VideoPlayer src={finalVideo.video_url} title={`${productName ?? "Your"} ad`} />
            <div className="grid gap-4">
              <dl className="grid grid-cols-2 gap-2 text-sm">
                <dt className="text-muted-foreground">Length</dt>
                <dd>{formatSeconds(finalVideo.duration)}</dd>
                <dt className="text-muted-foreground">{several ? "Formats" : "Format"}</dt>
                <dd>
                  {videos
                    .map(([id]) => AD_FORMATS.find((f) => f.id === id)?.size ?? id)
                    .join(", ")}
                  , {FPS} fps
                </dd>
                <dt className="text-muted-foreground">Scenes</dt>
                <dd>{clipCount}</dd>
              </dl>
              <CostNote cost={cost} what="Music and composition" />
              {videos.map(([format, url], index) => (
                <DownloadButton
                  key={format}
                  videoUrl={url}
                  productName={productName}
                  format={several ? format : undefined}
                  primary={index === 0}
                />
              ))}
              <CaptionDownloads
                vttUrl={finalVideo.captions_url}
                srtUrl={finalVideo.captions_srt_url}
                productName={productName}
              />
              <ComposeSettings disabled={starting || processing} />
              <FormatPicker disabled={starting || processing} />
              <NewAdButton variant="outline" size="lg" />
            </div>
          </div>
        ) : (
          <>
            {!request && <p className="text-sm text-muted-foreground">Nothing composed yet.</p>}
            {!starting && (
              <div className="max-w-md">
                <ComposeSettings disabled={false} />
              </div>
            )}
          </>
        )}
      </div>
    </section>
  );
}
