/**
 * Thumbnails load a sized preview of an image, not the image: the backend serves a WebP at a
 * few fixed widths (`/media/{key}?w=N`, made once, then stored), a few KB where the original
 * PNG is 1–3 MB. The original stays the image's URL everywhere else (the brief, the pipeline,
 * anything shown large).
 */
import { env } from "@/lib/env";

/** The widths the backend offers; any other is refused. */
export const PREVIEW_WIDTHS = [160, 320, 640, 960] as const;
export type PreviewWidth = (typeof PREVIEW_WIDTHS)[number];

const IMAGE = /\.(png|jpe?g|webp)$/i;
const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]", "0.0.0.0"]);

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Ours when served by our backend: its origin, or a loopback name for it (as it does). */
function fromOurBackend(url: URL): boolean {
  const api = new URL(env.apiUrl);
  if (url.origin === api.origin) return true;
  return url.port === api.port && LOOPBACK.has(url.hostname) && LOOPBACK.has(api.hostname);
}

/** A stored image of ours, which therefore has previews; anything else is used as it is. */
export function hasPreviews(url: string): boolean {
  const parsed = parse(url);
  return (
    parsed !== null &&
    fromOurBackend(parsed) &&
    parsed.pathname.startsWith("/media/") &&
    IMAGE.test(parsed.pathname) &&
    !parsed.searchParams.has("w")
  );
}

/** The preview of `url` at `width`, or `url` itself when it has none. */
export function previewUrl(url: string, width: PreviewWidth): string {
  if (!hasPreviews(url)) return url;
  const parsed = new URL(url);
  parsed.searchParams.set("w", String(width));
  return parsed.toString();
}

/**
 * `<img>` attributes for a thumbnail laid out `sizes` wide (a `sizes` attribute): the browser
 * picks the smallest preview that is sharp at the screen's density.
 */
export function thumbnail(
  url: string,
  sizes: string,
  fallback: PreviewWidth = 320,
): { src: string; srcSet?: string; sizes?: string } {
  if (!hasPreviews(url)) return { src: url };
  return {
    src: previewUrl(url, fallback),
    srcSet: PREVIEW_WIDTHS.map((w) => `${previewUrl(url, w)} ${w}w`).join(", "),
    sizes,
  };
}
