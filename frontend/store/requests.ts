import { toErrorInfo as parseError } from "@/lib/errors";
import type { ErrorInfo } from "@/types/shared.types";

import { useAppStore } from "./appStore";
import type { RequestKey } from "./types";

export function toErrorInfo(error: unknown, withFields = false): ErrorInfo {
  return parseError(error, undefined, "unexpected", withFields);
}

/**
 * Run one request under `key`: loading while it runs, the error (with its backend code) if it
 * fails (with a 422's refused fields when `fields`, for a form to show each beside its own
 * field), nothing once it succeeds. Returns the result, or `undefined` after a failure.
 *
 * `work` must store its result itself, before it returns: the loading state clears right
 * after, and a render in between would see neither the result nor the request, and start
 * the request again.
 */
export async function tracked<T>(
  key: RequestKey,
  work: () => Promise<T>,
  { fields = false }: { fields?: boolean } = {},
): Promise<T | undefined> {
  const { setRequest } = useAppStore.getState();
  setRequest(key, { state: "loading" });
  try {
    const result = await work();
    setRequest(key, null);
    return result;
  } catch (error) {
    setRequest(key, { state: "error", error: toErrorInfo(error, fields) });
    return undefined;
  }
}
