/**
 * The studio's environment, validated once. `NEXT_PUBLIC_*` values are inlined at build time,
 * so each is read by its literal name.
 */

const DEFAULT_API_URL = "http://localhost:8000";

export function parseApiUrl(value: string | undefined): string {
  const raw = value?.trim() || DEFAULT_API_URL;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`NEXT_PUBLIC_API_URL must be an absolute http(s) URL, got "${raw}"`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new Error(`NEXT_PUBLIC_API_URL must use http or https, got "${raw}"`);
  }
  return raw.replace(/\/+$/, "");
}

export const env = {
  /** Where the FastAPI backend listens (the seed's variable). */
  apiUrl: parseApiUrl(process.env.NEXT_PUBLIC_API_URL),
} as const;
