import type { AdFormat } from "@/types/video.types";

/** Every shape the backend makes an ad in; the first is the one it composes. */
export const AD_FORMATS: readonly { id: AdFormat; size: string; use: string }[] = [
  { id: "9:16", size: "1080×1920", use: "Reels, Stories, TikTok" },
  { id: "1:1", size: "1080×1080", use: "feeds" },
  { id: "4:5", size: "1080×1350", use: "portrait feeds" },
  { id: "16:9", size: "1920×1080", use: "YouTube, the web" },
];

/** `formats` with `format` added or removed, in the order above, never empty. */
export function toggleFormat(formats: readonly AdFormat[], format: AdFormat): AdFormat[] {
  const chosen = new Set(formats);
  if (chosen.has(format)) chosen.delete(format);
  else chosen.add(format);
  const ordered = AD_FORMATS.map((f) => f.id).filter((id) => chosen.has(id));
  return ordered.length ? ordered : [...formats];
}

/** "1:1" → "1x1", for file names. */
export function formatSlug(format: AdFormat): string {
  return format.replace(":", "x");
}
