import { Download } from "lucide-react";

import { Button } from "@/components/ui/button";
import { downloadUrl } from "@/lib/api/video";
import { formatSlug } from "@/lib/formats";
import type { AdFormat } from "@/types/video.types";

/** A file name people recognise: "glow-serum-ad.mp4", "glow-serum-ad-1x1.mp4". */
export function adFileName(productName: string | undefined, format?: AdFormat): string {
  const slug = (productName ?? "")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, 60)
    .replace(/^-+|-+$/g, "");
  const shape = format && format !== "9:16" ? `-${formatSlug(format)}` : "";
  return `${slug || "reelsmith"}-ad${shape}.mp4`;
}

/** Saves the MP4: the backend sends it as an attachment, which works across origins. With a
 * `format`, the button names it (one button per format). */
export function DownloadButton({
  videoUrl,
  productName,
  format,
  primary = true,
}: {
  videoUrl: string;
  productName?: string;
  format?: AdFormat;
  primary?: boolean;
}) {
  const fileName = adFileName(productName, format);
  const testId = primary ? "download-link" : `download-link-${formatSlug(format ?? "9:16")}`;
  return (
    <Button asChild size="lg" variant={primary ? "default" : "outline"}>
      <a href={downloadUrl(videoUrl, fileName)} download={fileName} data-testid={testId}>
        <Download aria-hidden /> {format ? `Download ${format} MP4` : "Download MP4"}
      </a>
    </Button>
  );
}
