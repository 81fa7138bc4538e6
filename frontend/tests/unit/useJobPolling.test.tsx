import { act, renderHook } from "@testing-library/react";
import { beforeEach, describe, expect, test, vi } from "vitest";

import { POLL_INTERVAL_MS, pollDelay, useJobPolling } from "@/hooks/useJobPolling";
import { useClipJobPolling } from "@/hooks/useVideoGeneration";
import { ApiError } from "@/lib/errors";
import { useAppStore } from "@/store/appStore";
import type { JobStatus } from "@/types/shared.types";

import { clip, jsonResponse, seedStudio, startClips, stubBackend } from "./fixtures";

interface Status {
  job_id: string;
  status: JobStatus;
}

type FetchStatus = (jobId: string, signal: AbortSignal) => Promise<Status>;

/** Mount the hook; `answers` scripts fetchStatus before the first poll, which runs on mount. */
function setup(
  initial: { jobId: string | null; status: JobStatus | null },
  answers: (fetchStatus: ReturnType<typeof vi.fn<FetchStatus>>) => void = () => {},
) {
  const fetchStatus = vi.fn<FetchStatus>(async (jobId) => ({ job_id: jobId, status: "processing" }));
  answers(fetchStatus);
  const onStatus = vi.fn<(status: Status) => void>();
  const onLost = vi.fn<(jobId: string, error: { code: string; message: string }) => void>();
  const onTrouble = vi.fn<(error: { code: string; message: string } | null) => void>();
  const hook = renderHook(
    (props: { jobId: string | null; status: JobStatus | null }) =>
      useJobPolling({ ...props, fetchStatus, onStatus, onLost, onTrouble }),
    { initialProps: initial },
  );
  return { fetchStatus, onStatus, onLost, onTrouble, ...hook };
}

/** Let the clock run, and the promises it releases settle. */
async function advance(ms: number) {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
}

beforeEach(() => {
  vi.useFakeTimers();
});

describe("useJobPolling", () => {
  test("polls at once, then every 3 s while the job is processing", async () => {
    const { fetchStatus, onStatus } = setup({ jobId: "job-1", status: "processing" });
    await advance(0);
    expect(fetchStatus).toHaveBeenCalledTimes(1);
    expect(fetchStatus).toHaveBeenLastCalledWith("job-1", expect.any(AbortSignal));
    expect(onStatus).toHaveBeenCalledWith({ job_id: "job-1", status: "processing" });

    await advance(POLL_INTERVAL_MS - 1);
    expect(fetchStatus).toHaveBeenCalledTimes(1);
    await advance(1);
    expect(fetchStatus).toHaveBeenCalledTimes(2);
    await advance(POLL_INTERVAL_MS * 3);
    expect(fetchStatus).toHaveBeenCalledTimes(5);
  });

  test("does not poll without a job or when the job is not processing", async () => {
    const { fetchStatus, rerender } = setup({ jobId: null, status: "processing" });
    await advance(POLL_INTERVAL_MS * 3);
    rerender({ jobId: "job-1", status: "complete" });
    await advance(POLL_INTERVAL_MS * 3);
    rerender({ jobId: "job-1", status: "failed" });
    await advance(POLL_INTERVAL_MS * 3);
    expect(fetchStatus).not.toHaveBeenCalled();
  });

  test("stops once the status is no longer processing, and aborts the request in flight", async () => {
    const { fetchStatus, rerender } = setup({ jobId: "job-1", status: "processing" });
    await advance(0);
    await advance(POLL_INTERVAL_MS);
    expect(fetchStatus).toHaveBeenCalledTimes(2);
    const signal = fetchStatus.mock.calls[1]![1];

    rerender({ jobId: "job-1", status: "complete" });
    expect(signal.aborted).toBe(true);
    await advance(POLL_INTERVAL_MS * 5);
    expect(fetchStatus).toHaveBeenCalledTimes(2);
  });

  test("stops polling when unmounted", async () => {
    const { fetchStatus, unmount } = setup({ jobId: "job-1", status: "processing" });
    await advance(0);
    unmount();
    await advance(POLL_INTERVAL_MS * 5);
    expect(fetchStatus).toHaveBeenCalledTimes(1);
  });

  test("a new job is polled at once, and the old one no more", async () => {
    const { fetchStatus, rerender } = setup({ jobId: "job-1", status: "processing" });
    await advance(0);
    rerender({ jobId: "job-2", status: "processing" });
    await advance(0);
    expect(fetchStatus.mock.calls.map(([id]) => id)).toEqual(["job-1", "job-2"]);
    await advance(POLL_INTERVAL_MS);
    expect(fetchStatus.mock.calls.map(([id]) => id)).toEqual(["job-1", "job-2", "job-2"]);
  });

  test("a 404 means the server forgot the job: onLost with job_not_found, and no more polls", async () => {
    const { fetchStatus, onLost, onStatus } = setup({ jobId: "job-1", status: "processing" }, (f) =>
      f.mockRejectedValueOnce(new ApiError("job_not_found", "No job job-1.", 404)),
    );
    await advance(0);
    expect(onLost).toHaveBeenCalledTimes(1);
    expect(onLost).toHaveBeenCalledWith("job-1", {
      code: "job_not_found",
      message: expect.stringContaining("no longer knows this job"),
    });
    await advance(POLL_INTERVAL_MS * 5);
    expect(fetchStatus).toHaveBeenCalledTimes(1);
    expect(onStatus).not.toHaveBeenCalled();
  });

  test("keeps polling while the server is unreachable, further apart, and says so each time", async () => {
    const { fetchStatus, onLost, onTrouble } = setup({ jobId: "job-1", status: "processing" }, (f) =>
      f.mockRejectedValue(new ApiError("backend_unreachable", "Can't reach the Reelsmith server.")),
    );
    await advance(0);
    expect(onTrouble).toHaveBeenLastCalledWith({
      code: "backend_unreachable",
      message: "Can't reach the Reelsmith server.",
    });
    // 3 s, 6 s, 12 s, 24 s, then every 30 s: never given up, never more often than that.
    for (const wait of [3000, 6000, 12_000, 24_000, 30_000, 30_000]) {
      const calls = fetchStatus.mock.calls.length;
      await advance(wait - 1);
      expect(fetchStatus).toHaveBeenCalledTimes(calls);
      await advance(1);
      expect(fetchStatus).toHaveBeenCalledTimes(calls + 1);
    }
    expect(onLost).not.toHaveBeenCalled();
  });

  test("an answer after failures clears the trouble and restores the 3 s rhythm", async () => {
    const down = new TypeError("Failed to fetch");
    const { fetchStatus, onLost, onTrouble, onStatus } = setup(
      { jobId: "job-1", status: "processing" },
      (f) => {
        f.mockRejectedValueOnce(down);
        f.mockRejectedValueOnce(down);
      },
    );
    await advance(0);
    expect(onTrouble).toHaveBeenLastCalledWith({ code: "poll_failed", message: "Failed to fetch" });
    await advance(pollDelay(1));
    await advance(pollDelay(2));
    expect(fetchStatus).toHaveBeenCalledTimes(3);
    expect(onTrouble).toHaveBeenLastCalledWith(null);
    expect(onStatus).toHaveBeenCalledWith({ job_id: "job-1", status: "processing" });
    await advance(POLL_INTERVAL_MS);
    expect(fetchStatus).toHaveBeenCalledTimes(4);
    expect(onLost).not.toHaveBeenCalled();
  });
});

describe("useClipJobPolling", () => {
  test("follows the store's clip job until it completes, then stops", async () => {
    seedStudio();
    startClips("job-1", [1, 2, 3, 4, 5].map((n) => clip(n, "processing")));
    const answers = [
      { job_id: "job-1", status: "processing", progress: 40, clips: [1, 2, 3, 4, 5].map((n) => clip(n, n <= 2 ? "complete" : "processing")), error: null },
      { job_id: "job-1", status: "complete", progress: 100, clips: [1, 2, 3, 4, 5].map((n) => clip(n, "complete")), error: null },
    ];
    const calls = stubBackend({
      // No stream slot free: the job is polled (streams: jobEvents.test.tsx).
      "GET /api/jobs/job-1/events": () =>
        jsonResponse({ detail: "Too many streams.", code: "too_many_streams" }, { status: 503 }),
      "GET /api/video/status/job-1": () => jsonResponse(answers.shift()),
    });

    renderHook(() => useClipJobPolling());
    await advance(0);
    expect(useAppStore.getState().clipJob).toMatchObject({ status: "processing", progress: 40 });

    await advance(POLL_INTERVAL_MS);
    expect(useAppStore.getState().clipJob).toMatchObject({ status: "complete", progress: 100 });
    expect(useAppStore.getState().clipJob.output.every((c) => c.video_url)).toBe(true);

    await advance(POLL_INTERVAL_MS * 5);
    expect(calls.map((call) => call.url)).toEqual([
      "/api/jobs/job-1/events",
      "/api/video/status/job-1",
      "/api/video/status/job-1",
    ]);
  });

  test("a job the server lost is marked failed with job_not_found, keeping the clips", async () => {
    seedStudio();
    const clips = [1, 2, 3, 4, 5].map((n) => clip(n, "processing"));
    startClips("job-1", clips);
    stubBackend({
      "GET /api/video/status/job-1": () =>
        jsonResponse({ detail: "No job job-1.", code: "job_not_found" }, { status: 404 }),
    });

    renderHook(() => useClipJobPolling());
    await advance(0);
    expect(useAppStore.getState().clipJob).toMatchObject({
      status: "failed",
      error: { code: "job_not_found" },
      output: clips,
    });
  });
});
