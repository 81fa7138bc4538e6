import { useAppStore } from "@/store/appStore";
import type { RequestKey, RequestStatus } from "@/store/types";

/** The life of one tracked request: `undefined` when idle or done. */
export function useRequestStatus(key: RequestKey): RequestStatus | undefined {
  return useAppStore((state) => state.requests[key]);
}
