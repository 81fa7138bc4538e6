import { act, render, renderHook, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { CostEstimate } from "@/components/generation/CostEstimate";
import { ClipGeneration } from "@/components/generation/ClipGeneration";
import { POLL_INTERVAL_MS, useJobPolling } from "@/hooks/useJobPolling";
import { useClipJobPolling } from "@/hooks/useVideoGeneration";
import { useAppStore } from "@/store/appStore";
import type { JobStatus } from "@/types/shared.types";
import type { CostEstimate as Estimate } from "@/types/video.types";

import { clip, jsonResponse, seedStudio, startClips, stubBackend } from "./fixtures";

/** The browser's `EventSource`, played by the test: it opens nothing, and the test says what
 * the server sends and when the connection fails. */
class FakeEventSource {
  static opened: FakeEventSource[] = [];
  readonly url: string;
  closed = false;
  onmessage: ((event: MessageEvent<string>) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;

  constructor(url: string) {
    this.url = url;
    FakeEventSource.opened.push(this);
  }

  close() {
    this.closed = true;
  }

  send(body: unknown) {
    if (this.closed) return;
    act(() => this.onmessage?.(new MessageEvent("message", { data: JSON.stringify(body) })));
  }

  fail() {
    if (this.closed) return;
    act(() => this.onerror?.(new Event("error")));
  }
}

interface Status {
  job_id: string;
  status: JobStatus;
  progress: number;
}

async function advance(ms: number) {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
}

function follow(jobId = "job-1") {
  const fetchStatus = vi.fn(async (id: string): Promise<Status> => ({ job_id: id, status: "processing", progress: 10 }));
  const onStatus = vi.fn<(status: Status) => void>();
  const onLost = vi.fn();
  const hook = renderHook(
    (props: { status: JobStatus }) =>
      useJobPolling({
        jobId,
        status: props.status,
        fetchStatus,
        onStatus,
        onLost,
        eventsUrl: (id) => `http://localhost:8000/api/jobs/${id}/events`,
      }),
    { initialProps: { status: "processing" as JobStatus } },
  );
  return { fetchStatus, onStatus, onLost, ...hook };
}

beforeEach(() => {
  FakeEventSource.opened = [];
  vi.useFakeTimers();
  vi.stubGlobal("EventSource", FakeEventSource);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("following a job through its event stream", () => {
  test("listens instead of polling, hands on each status in order, and closes on the last", async () => {
    const { fetchStatus, onStatus } = follow();
    await advance(0);
    const [source] = FakeEventSource.opened;
    expect(source!.url).toBe("http://localhost:8000/api/jobs/job-1/events");

    source!.send({ job_id: "job-1", status: "processing", progress: 20 });
    source!.send({ job_id: "job-1", status: "processing", progress: 60 });
    source!.send({ job_id: "job-1", status: "complete", progress: 100 });
    await advance(POLL_INTERVAL_MS * 5);

    expect(onStatus.mock.calls.map(([s]) => s.progress)).toEqual([20, 60, 100]);
    expect(source!.closed).toBe(true);
    expect(fetchStatus).not.toHaveBeenCalled();
  });

  test("a stream that fails falls back to polling at once, and stays polled", async () => {
    const { fetchStatus, onStatus } = follow();
    await advance(0);
    FakeEventSource.opened[0]!.send({ job_id: "job-1", status: "processing", progress: 30 });
    FakeEventSource.opened[0]!.fail();
    await advance(0);

    expect(FakeEventSource.opened[0]!.closed).toBe(true);
    expect(fetchStatus).toHaveBeenCalledTimes(1);
    await advance(POLL_INTERVAL_MS);
    expect(fetchStatus).toHaveBeenCalledTimes(2);
    expect(FakeEventSource.opened).toHaveLength(1); // no second stream for this job
    expect(onStatus.mock.calls[0]![0].progress).toBe(30);
  });

  test("a browser without EventSource polls, as before", async () => {
    vi.stubGlobal("EventSource", undefined);
    const { fetchStatus } = follow();
    await advance(0);
    expect(fetchStatus).toHaveBeenCalledTimes(1);
    expect(FakeEventSource.opened).toHaveLength(0);
  });

  test("the stream closes when the job stops being followed", async () => {
    const { rerender } = follow();
    await advance(0);
    rerender({ status: "failed" });
    expect(FakeEventSource.opened[0]!.closed).toBe(true);
  });

  test("the clip job's bar never goes backwards, whatever the stream or the polls say", async () => {
    seedStudio();
    startClips("job-1", [clip(1, "processing"), clip(2, "processing")]);
    stubBackend({
      // The fallback poll answers with an older, lower figure than the stream gave.
      "GET /api/video/status/job-1": () =>
        jsonResponse({ job_id: "job-1", status: "processing", progress: 20, clips: [clip(1, "processing"), clip(2, "processing")] }),
    });
    renderHook(() => useClipJobPolling());
    await advance(0);
    const [source] = FakeEventSource.opened;
    expect(source!.url).toBe("http://localhost:8000/api/jobs/job-1/events");
    source!.send({ job_id: "job-1", status: "processing", progress: 50, clips: [clip(1, "complete"), clip(2, "processing")] });
    source!.send({ job_id: "job-1", status: "processing", progress: 40, clips: [clip(1, "complete"), clip(2, "processing")] });
    expect(useAppStore.getState().clipJob.progress).toBe(50);

    source!.fail();
    await advance(0);
    expect(useAppStore.getState().clipJob.progress).toBe(50);
  });
});

function estimate(overrides: Partial<Estimate> = {}): Estimate {
  return {
    clips_usd: 2.25,
    compose_usd: 0.09,
    total_usd: 2.34,
    items: [
      { step: "clips", capability: "motion", provider: "replicate:kwaivgi/kling-v2.1", units: 45, unit: "output_second", estimated_usd: 2.25 },
      { step: "compose", capability: "music", provider: "replicate:meta/musicgen", units: 60, unit: "compute_second", estimated_usd: 0.084 },
      { step: "compose", capability: "voice", provider: "openai:gpt-4o-mini-tts", units: 400, unit: "character", estimated_usd: 0.006 },
    ],
    budget: { daily_usd: 0, spent_usd: 0, remaining_usd: null, resets_at: "2026-03-03T00:00:00Z" },
    ...overrides,
  };
}

describe("the cost before paying", () => {
  beforeEach(() => {
    vi.useRealTimers();
  });

  test("says what the clips and the voiced ad will cost, and what is left of the budget", () => {
    render(
      <CostEstimate
        estimate={estimate({
          budget: { daily_usd: 5, spent_usd: 1.5, remaining_usd: 3.5, resets_at: "2026-03-03T00:00:00Z" },
        })}
      />,
    );
    expect(screen.getByTestId("cost-estimate")).toHaveTextContent(
      "Rendering these clips: about $2.25 at the providers. Composing the ad afterwards (music and the voiceover): about $0.09. Today's budget: $3.50 left of $5.00.",
    );
  });

  test("says nothing when every provider is local and there is no budget", () => {
    const free = estimate({ clips_usd: 0, compose_usd: 0, total_usd: 0, items: [] });
    const { container } = render(<CostEstimate estimate={free} />);
    expect(container).toBeEmptyDOMElement();
  });

  test("the clips step asks for the estimate of its storyboard and shows it by the button", async () => {
    seedStudio();
    const calls = stubBackend({ "POST /api/video/estimate": () => jsonResponse(estimate()) });
    render(<ClipGeneration />);
    expect(await screen.findByTestId("cost-estimate")).toHaveTextContent("about $2.25");
    const [asked] = calls;
    const scenes = (asked!.body as { scenes: { seed_image_url: string; voiceover: string }[] }).scenes;
    expect(scenes).toHaveLength(5);
    expect(scenes.every((scene) => scene.seed_image_url.startsWith("http://localhost:8000/media/seeds/"))).toBe(true);
    expect(screen.getByRole("button", { name: "Generate clips" })).toBeEnabled();
  });

  test("past the daily budget, the backend's sentence stands where the button is", async () => {
    seedStudio();
    const sentence =
      "This would cost about $2.25, more than is left of your daily budget of $2.00: $0.00 is spent today, $2.00 left. The budget resets at midnight UTC, in 3 h 30 min.";
    stubBackend({
      "POST /api/video/estimate": () => jsonResponse(estimate()),
      "POST /api/video/generate": () =>
        jsonResponse({ detail: sentence, code: "budget_exceeded", message: sentence }, { status: 402 }),
    });
    render(<ClipGeneration />);
    await userEvent.click(screen.getByRole("button", { name: "Generate clips" }));
    expect(await screen.findByTestId("budget-refusal")).toHaveTextContent(sentence);
    expect(screen.getAllByText(sentence)).toHaveLength(1); // said once, by the button
    expect(useAppStore.getState().clipJob.jobId).toBeNull();
  });
});
