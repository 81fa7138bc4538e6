"use client";

import { useEffect, useRef, useState } from "react";

import { ApiError, toErrorInfo } from "@/lib/errors";
import { canReadStreams } from "@/lib/eventStream";
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
   * Follow the job's pushed progress (`jobEvents`): each event's data to `onMessage` until the
   * stream ends. Given, the job is followed through its event stream while the stream works,
   * and polled once it fails (or where the browser cannot read a stream); the store keeps
   * progress from going backwards either way.
   */
  streamEvents?: (jobId: string, onMessage: (data: string) => void, signal: AbortSignal) => Promise<void>;
}

/** How long to wait before the next poll after `failures` failures in a row. */
export function pollDelay(failures: number, intervalMs = POLL_INTERVAL_MS): number {
  return Math.min(MAX_POLL_INTERVAL_MS, intervalMs * 2 ** Math.max(0, failures - 1));
}

/**
 * Follow a background job while it is processing: through its event stream when there is one,
 * else (or once the stream fails) by polling, once at once, then every `intervalMs`. A stream
 * that drops is not reopened: the job is polled to its end (its next job tries a stream again).
 */
export function useJobPolling<T>({
  jobId,
  status,
  fetchStatus,
  onStatus,
  onLost,
  onTrouble,
  intervalMs = POLL_INTERVAL_MS,
  streamEvents,
}: PollOptions<T>): void {
  // Callbacks change identity every render; the loop reads the latest without restarting.
  const callbacks = useRef({ fetchStatus, onStatus, onLost, onTrouble, streamEvents });
  useEffect(() => {
    callbacks.current = { fetchStatus, onStatus, onLost, onTrouble, streamEvents };
  });
  // The job whose stream failed: it is polled from then on (a new job tries a stream again).
  const [streamFailed, setStreamFailed] = useState<string | null>(null);
  const streaming = Boolean(streamEvents) && canReadStreams() && jobId !== null && streamFailed !== jobId;

  useEffect(() => {
    const stream = callbacks.current.streamEvents;
    if (!jobId || status !== "processing" || !streaming || !stream) return;
    const controller = new AbortController();
    let ended = false;
    const onMessage = (data: string) => {
      // Not a status: the stream is not what the studio expects; the failure falls back.
      const report = JSON.parse(data) as T & { status?: unknown };
      if (typeof report !== "object" || report === null) throw new TypeError("not a job status");
      // The last event is the finished job: nothing more to read.
      if (report.status !== "processing") ended = true;
      callbacks.current.onStatus(report);
      if (ended) controller.abort();
    };
    // Refused (an unknown job, a sign-in that expired, no free stream slot), dropped, or ended
    // before the job did: poll instead, from now on for this job. The poll says whether the
    // job is still known, and backs off while the server cannot be reached, as it always has.
    const fallBack = () => {
      if (!ended && !controller.signal.aborted) setStreamFailed(jobId);
    };
    stream(jobId, onMessage, controller.signal).then(fallBack, fallBack);
    return () => controller.abort();
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
