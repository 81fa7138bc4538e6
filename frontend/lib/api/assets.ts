import { env } from "@/lib/env";
import { readJson } from "@/lib/errors";
import type { AssetKind, UploadedAsset } from "@/types/vision.types";

import { apiFetch } from "./client";

/** The image types the backend accepts; anything else it refuses with 415. */
export const ACCEPTED_IMAGES = "image/png,image/jpeg,image/webp";

/** Upload a product photo or a logo as a multipart form; every failure is an `ApiError`. */
export async function uploadAsset(file: File, kind: AssetKind, signal?: AbortSignal): Promise<UploadedAsset> {
  const form = new FormData();
  form.append("file", file);
  form.append("kind", kind);
  const response = await apiFetch()(`${env.apiUrl}/api/assets`, { method: "POST", body: form, signal });
  return readJson<UploadedAsset>(response);
}
