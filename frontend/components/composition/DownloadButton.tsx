import { Download } from "lucide-react";

import { Button } from "@/components/ui/button";
import { downloadUrl } from "@/lib/api/video";

/** A file name people recognise: "glow-serum-ad.mp4". */
export function adFileName(productName: string | undefined): string {
  const slug = (productName ?? "")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, 60)
    .replace(/^-+|-+$/g, "");
  return `${slug || "reelsmith"}-ad.mp4`;
}

/** Saves the MP4: the backend sends it as an attachment, which works across origins. */
export function DownloadButton({ videoUrl, productName }: { videoUrl: string; productName?: string }) {
  const fileName = adFileName(productName);
  return (
    <Button asChild size="lg">
      <a href={downloadUrl(videoUrl, fileName)} download={fileName} data-testid="download-link">
        <Download aria-hidden /> Download MP4
      </a>
    </Button>
  );
}
