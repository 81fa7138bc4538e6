import { env } from "@/lib/env";
import { ApiError, errorFromResponse, unreachable } from "@/lib/errors";
import type { AssetKind, UploadedAsset } from "@/types/vision.types";

/** The image types the backend accepts; anything else it refuses with 415. */
export const ACCEPTED_IMAGES = "image/png,image/jpeg,image/webp";

/** Upload a product photo or a logo as a multipart form; every failure is an `ApiError`. */
export async function uploadAsset(file: File, kind: AssetKind, signal?: AbortSignal): Promise<UploadedAsset> {
  const form = new FormData();
  form.append("file", file);
  form.append("kind", kind);
  let response: Response;
  try {
    response = await fetch(`${env.apiUrl}/api/assets`, { method: "POST", body: form, signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw unreachable(env.apiUrl);
  }
  if (!response.ok) throw await errorFromResponse(response);
  try {
    return (await response.json()) as UploadedAsset;
  } catch {
    throw new ApiError("bad_response", "The backend sent a response the studio could not read.");
  }
}
