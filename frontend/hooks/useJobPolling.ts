"use client";

import { useEffect, useRef } from "react";

import { ApiError, toErrorInfo } from "@/lib/errors";
import type { ErrorInfo, JobStatus } from "@/types/shared.types";

/** The seed's rhythm: ask for a job's status every 3 seconds. */
export const POLL_INTERVAL_MS = 3000;
/** While the server cannot be reached, polls back off to at most this far apart. */
export const MAX_POLL_INTERVAL_MS = 30_000;

interface PollOptions<T> {
  jobId: string | null;
  status: JobStatus | null;
  fetchStatus: (jobId: string, signal: AbortSignal) => Promise<T>;
  onStatus: (status: T) => void;
  /** The server no longer knows the job: it cannot be followed any more. */
  onLost: (jobId: string, error: ErrorInfo) => void;
  /**
   * A poll failed (the error) or succeeded again (null). The job goes on on the server, so
   * polling goes on too, further apart, until the server answers.
   */
  onTrouble?: (error: ErrorInfo | null) => void;
  intervalMs?: number;
}

/** How long to wait before the next poll after `failures` failures in a row. */
export function pollDelay(failures: number, intervalMs = POLL_INTERVAL_MS): number {
  return Math.min(MAX_POLL_INTERVAL_MS, intervalMs * 2 ** Math.max(0, failures - 1));
}

/** Poll a background job while it is processing: once at once, then every `intervalMs`. */
export function useJobPolling<T>({
  jobId,
  status,
  fetchStatus,
  onStatus,
  onLost,
  onTrouble,
  intervalMs = POLL_INTERVAL_MS,
}: PollOptions<T>): void {
  // Callbacks change identity every render; the loop reads the latest without restarting.
  const callbacks = useRef({ fetchStatus, onStatus, onLost, onTrouble });
  useEffect(() => {
    callbacks.current = { fetchStatus, onStatus, onLost, onTrouble };
  });

  useEffect(() => {
    if (!jobId || status !== "processing") return;
    const controller = new AbortController();
    let failures = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;

    async function poll(id: string) {
      try {
        const result = await callbacks.current.fetchStatus(id, controller.signal);
        if (failures > 0) callbacks.current.onTrouble?.(null);
        failures = 0;
        callbacks.current.onStatus(result);
      } catch (error) {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.status === 404) {
          callbacks.current.onTrouble?.(null);
          callbacks.current.onLost(id, {
            code: "job_not_found",
            message:
              "The server no longer knows this job (it may have restarted). Start it again.",
          });
          return;
        }
        failures += 1;
        callbacks.current.onTrouble?.(toErrorInfo(error, undefined, "poll_failed"));
      }
      if (!controller.signal.aborted) {
        timer = setTimeout(() => poll(id), failures ? pollDelay(failures, intervalMs) : intervalMs);
      }
    }

    void poll(jobId);
    return () => {
      controller.abort();
      clearTimeout(timer);
      callbacks.current.onTrouble?.(null);
    };
  }, [jobId, status, intervalMs]);
}
