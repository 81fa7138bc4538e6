"use client";

import { useEffect, useRef, useState } from "react";

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
  /**
   * Where the job's progress is pushed as Server-Sent Events. Given, the job is followed
   * through `EventSource` while the stream works, and polled once it fails (or where the
   * browser has no `EventSource`); the store keeps progress from going backwards either way.
   */
  eventsUrl?: (jobId: string) => string;
}

/** How long to wait before the next poll after `failures` failures in a row. */
export function pollDelay(failures: number, intervalMs = POLL_INTERVAL_MS): number {
  return Math.min(MAX_POLL_INTERVAL_MS, intervalMs * 2 ** Math.max(0, failures - 1));
}

/** Whether this browser can listen to a job's events at all. */
export function canStream(): boolean {
  return typeof globalThis.EventSource === "function";
}

/**
 * Follow a background job while it is processing: through its event stream when there is one,
 * else (or once the stream fails) by polling, once at once, then every `intervalMs`.
 */
export function useJobPolling<T>({
  jobId,
  status,
  fetchStatus,
  onStatus,
  onLost,
  onTrouble,
  intervalMs = POLL_INTERVAL_MS,
  eventsUrl,
}: PollOptions<T>): void {
  // Callbacks change identity every render; the loop reads the latest without restarting.
  const callbacks = useRef({ fetchStatus, onStatus, onLost, onTrouble, eventsUrl });
  useEffect(() => {
    callbacks.current = { fetchStatus, onStatus, onLost, onTrouble, eventsUrl };
  });
  // The job whose stream failed: it is polled from then on (a new job tries a stream again).
  const [streamFailed, setStreamFailed] = useState<string | null>(null);
  const streaming = Boolean(eventsUrl) && canStream() && jobId !== null && streamFailed !== jobId;

  useEffect(() => {
    const url = callbacks.current.eventsUrl;
    if (!jobId || status !== "processing" || !streaming || !url) return;
    const source = new EventSource(url(jobId));
    const fallBack = () => {
      source.close();
      setStreamFailed(jobId);
    };
    source.onmessage = (event: MessageEvent<string>) => {
      let report: T & { status?: unknown };
      try {
        report = JSON.parse(event.data) as T & { status?: unknown };
      } catch {
        fallBack();
        return;
      }
      // The last event is the finished job: close before the browser tries to reconnect.
      if (report.status !== "processing") source.close();
      callbacks.current.onStatus(report);
    };
    // Refused (an unknown job, no free stream, no auth header to send) or dropped: poll instead.
    // The poll says whether the job is still known, as it always has.
    source.onerror = fallBack;
    return () => source.close();
  }, [jobId, status, streaming]);

  useEffect(() => {
    if (!jobId || status !== "processing" || streaming) return;
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
  }, [jobId, status, intervalMs, streaming]);
}
