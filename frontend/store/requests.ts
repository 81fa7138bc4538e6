import { toErrorInfo as parseError } from "@/lib/errors";
import type { ErrorInfo } from "@/types/shared.types";

import { useAppStore } from "./appStore";
import type { RequestKey } from "./types";

export function toErrorInfo(error: unknown): ErrorInfo {
  return parseError(error);
}

/**
 * Run one request under `key`: loading while it runs, the error (with its backend code) if it
 * fails, nothing once it succeeds. Returns the result, or `undefined` after a failure.
 *
 * `work` must store its result itself, before it returns: the loading state clears right
 * after, and a render in between would see neither the result nor the request, and start
 * the request again.
 */
export async function tracked<T>(key: RequestKey, work: () => Promise<T>): Promise<T | undefined> {
  const { setRequest } = useAppStore.getState();
  setRequest(key, { state: "loading" });
  try {
    const result = await work();
    setRequest(key, null);
    return result;
  } catch (error) {
    setRequest(key, { state: "error", error: toErrorInfo(error) });
    return undefined;
  }
}
