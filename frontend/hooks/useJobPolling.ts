"use client";

import { useEffect, useRef } from "react";

import { ApiError } from "@/lib/errors";
import type { ErrorInfo, JobStatus } from "@/types/shared.types";

/** The seed's rhythm: ask for a job's status every 3 seconds. */
export const POLL_INTERVAL_MS = 3000;
/** Network failures in a row before the studio gives up on a job and says so. */
export const MAX_POLL_FAILURES = 5;

interface PollOptions<T> {
  jobId: string | null;
  status: JobStatus | null;
  fetchStatus: (jobId: string, signal: AbortSignal) => Promise<T>;
  onStatus: (status: T) => void;
  /** The job can no longer be followed (unknown to the server, or the server is gone). */
  onLost: (jobId: string, error: ErrorInfo) => void;
  intervalMs?: number;
}

/** Poll a background job while it is processing: once at once, then every `intervalMs`. */
export function useJobPolling<T>({
  jobId,
  status,
  fetchStatus,
  onStatus,
  onLost,
  intervalMs = POLL_INTERVAL_MS,
}: PollOptions<T>): void {
  // Callbacks change identity every render; the loop reads the latest without restarting.
  const callbacks = useRef({ fetchStatus, onStatus, onLost });
  useEffect(() => {
    callbacks.current = { fetchStatus, onStatus, onLost };
  });

  useEffect(() => {
    if (!jobId || status !== "processing") return;
    const controller = new AbortController();
    let failures = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;

    async function poll(id: string) {
      try {
        const result = await callbacks.current.fetchStatus(id, controller.signal);
        failures = 0;
        callbacks.current.onStatus(result);
      } catch (error) {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.status === 404) {
          callbacks.current.onLost(id, {
            code: "job_not_found",
            message:
              "The server no longer knows this job (it may have restarted). Start it again.",
          });
          return;
        }
        failures += 1;
        if (failures >= MAX_POLL_FAILURES) {
          callbacks.current.onLost(id, {
            code: error instanceof ApiError ? error.code : "poll_failed",
            message: error instanceof Error ? error.message : String(error),
          });
          return;
        }
      }
      if (!controller.signal.aborted) timer = setTimeout(() => poll(id), intervalMs);
    }

    void poll(jobId);
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [jobId, status, intervalMs]);
}
