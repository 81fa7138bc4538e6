import { Captions } from "lucide-react";

import { Button } from "@/components/ui/button";
import { downloadUrl } from "@/lib/api/video";

import { adFileName } from "./DownloadButton";

/** The captions beside the video: WebVTT for the web and players, SubRip for editors and the
 * platforms' uploads. Nothing when the ad has no captions. */
export function CaptionDownloads({
  vttUrl,
  srtUrl,
  productName,
}: {
  vttUrl?: string | null;
  srtUrl?: string | null;
  productName?: string;
}) {
  const files = [
    { url: vttUrl, ext: "vtt", label: "Captions .vtt" },
    { url: srtUrl, ext: "srt", label: "Captions .srt" },
  ].filter((file): file is { url: string; ext: string; label: string } => Boolean(file.url));
  if (files.length === 0) return null;
  const base = adFileName(productName).replace(/\.mp4$/, "");
  return (
    <div className="grid grid-cols-2 gap-2">
      {files.map(({ url, ext, label }) => (
        <Button key={ext} asChild variant="outline">
          <a href={downloadUrl(url, `${base}.${ext}`)} download={`${base}.${ext}`} data-testid={`captions-${ext}`}>
            <Captions aria-hidden /> {label}
          </a>
        </Button>
      ))}
    </div>
  );
}
