import { act, render, renderHook, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { CostEstimate } from "@/components/generation/CostEstimate";
import { ClipGeneration } from "@/components/generation/ClipGeneration";
import { POLL_INTERVAL_MS, useJobPolling } from "@/hooks/useJobPolling";
import { useClipJobPolling } from "@/hooks/useVideoGeneration";
import { EVENTS_SILENCE_MS, jobEvents } from "@/lib/api/video";
import { useAppStore } from "@/store/appStore";
import { useSession } from "@/store/session";
import type { JobStatus } from "@/types/shared.types";
import type { CostEstimate as Estimate } from "@/types/video.types";

import { clip, jsonResponse, seedStudio, startClips, stubBackend } from "./fixtures";

const USER = { user_id: "u-ada", email: "ada@example.com", name: "ada", created_at: "2026-11-30T12:00:00Z" };
const EVENTS_URL = "http://localhost:8000/api/jobs/job-1/events";

/** One answer of the backend's events endpoint, played by the test: it opens a stream and the
 * test says what the server sends, and when the stream ends or drops. */
class FakeStream {
  readonly url: string;
  readonly headers: Headers;
  readonly signal: AbortSignal;
  readonly response: Response;
  cancelled = false;
  private source!: ReadableStreamDefaultController<Uint8Array>;

  constructor(url: string, init: RequestInit | undefined) {
    this.url = url;
    this.headers = new Headers(init?.headers);
    this.signal = init!.signal!;
    const body = new ReadableStream<Uint8Array>({
      start: (source) => {
        this.source = source;
      },
      cancel: () => {
        this.cancelled = true;
      },
    });
    this.response = new Response(body, { headers: { "Content-Type": "text/event-stream; charset=utf-8" } });
  }

  /** Raw wire text, as it comes: the test cuts it where it likes. */
  async write(text: string) {
    if (this.cancelled) return;
    this.source.enqueue(new TextEncoder().encode(text));
    await advance(0);
  }

  /** A status as the backend sends it: a `data:` line of JSON and a blank line. */
  async send(body: unknown) {
    await this.write(`data: ${JSON.stringify(body)}\n\n`);
  }

  async end() {
    if (!this.cancelled) this.source.close();
    await advance(0);
  }

  async drop() {
    if (!this.cancelled) this.source.error(new TypeError("network error"));
    await advance(0);
  }
}

type Answer = (url: string, init: RequestInit | undefined) => Response | FakeStream | Promise<Response>;

/** Stub `fetch`: each request to an events endpoint gets a `FakeStream` (or `answer`'s
 * refusal); `others` answers the rest by "METHOD /path". */
function serveEvents(answer?: Answer, others: Record<string, () => Response> = {}) {
  const opened: FakeStream[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input);
      const path = new URL(url).pathname;
      if (!path.endsWith("/events")) {
        const route = others[`${init?.method ?? "GET"} ${path}`];
        if (!route) throw new Error(`unexpected request ${path}`);
        return route();
      }
      const answered = answer ? await answer(url, init) : new FakeStream(url, init);
      if (answered instanceof Response) return answered;
      opened.push(answered);
      return answered.response;
    }),
  );
  return opened;
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
      useJobPolling({ jobId, status: props.status, fetchStatus, onStatus, onLost, streamEvents: jobEvents }),
    { initialProps: { status: "processing" as JobStatus } },
  );
  return { fetchStatus, onStatus, onLost, ...hook };
}

const refusal = (status: number, code: string, message: string) =>
  jsonResponse({ detail: message, code, message }, { status });

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  useSession.getState().signOut();
  useSession.setState({ lastUserId: null });
});

describe("following a job through its event stream", () => {
  test("listens instead of polling, hands on each status in order, and stops at the last", async () => {
    const opened = serveEvents();
    const { fetchStatus, onStatus } = follow();
    await advance(0);
    const [stream] = opened;
    expect(stream!.url).toBe(EVENTS_URL);
    expect(stream!.headers.get("Accept")).toBe("text/event-stream");

    await stream!.write(": ping\n\n"); // the backend's keep-alive says nothing
    await stream!.send({ job_id: "job-1", status: "processing", progress: 20 });
    await stream!.send({ job_id: "job-1", status: "processing", progress: 60 });
    await stream!.send({ job_id: "job-1", status: "complete", progress: 100 });
    await advance(POLL_INTERVAL_MS * 5);

    expect(onStatus.mock.calls.map(([s]) => s.progress)).toEqual([20, 60, 100]);
    expect(stream!.signal.aborted).toBe(true);
    expect(stream!.cancelled).toBe(true);
    expect(fetchStatus).not.toHaveBeenCalled();
  });

  test("with accounts on, the stream carries the signed-in user's token, as every request does", async () => {
    useSession.getState().signIn({ access_token: "token-ada", token_type: "bearer", expires_at: "2026-12-01T00:00:00Z", user: USER });
    const opened = serveEvents();
    const { fetchStatus, onStatus } = follow();
    await advance(0);
    const [stream] = opened;
    expect(stream!.headers.get("Authorization")).toBe("Bearer token-ada");

    await stream!.send({ job_id: "job-1", status: "processing", progress: 40 });
    expect(onStatus).toHaveBeenLastCalledWith({ job_id: "job-1", status: "processing", progress: 40 });
    expect(fetchStatus).not.toHaveBeenCalled();
  });

  test("events cut anywhere on the wire, with CRLF line ends, arrive whole", async () => {
    const opened = serveEvents();
    const { onStatus } = follow();
    await advance(0);
    const [stream] = opened;
    const wire =
      'data: {"job_id":"job-1","status":"processing",\r\ndata: "progress":30}\r\n\r\n: ping\r\n\r\n' +
      'data: {"job_id":"job-1","status":"processing","progress":70}\r\n\r\n';
    for (const piece of [wire.slice(0, 7), wire.slice(7, 49), wire.slice(49, 50), wire.slice(50, 83), wire.slice(83)]) {
      await stream!.write(piece);
    }
    expect(onStatus.mock.calls.map(([s]) => s.progress)).toEqual([30, 70]);
  });

  test.each([
    ["a sign-in the server no longer takes (401)", () => refusal(401, "not_signed_in", "Sign in again.")],
    ["a job the server does not know (404)", () => refusal(404, "job_not_found", "No such job.")],
    ["no free stream slot (503)", () => refusal(503, "too_many_streams", "Too many streams.")],
    ["an answer that is not an event stream", () => jsonResponse({ job_id: "job-1" })],
    [
      "a network failure",
      () => {
        throw new TypeError("Failed to fetch");
      },
    ],
  ])("a stream refused for %s falls back to polling at once, and stays polled", async (_, answer) => {
    const opened = serveEvents(answer);
    const { fetchStatus } = follow();
    await advance(0);
    expect(fetchStatus).toHaveBeenCalledTimes(1);
    await advance(POLL_INTERVAL_MS);
    expect(fetchStatus).toHaveBeenCalledTimes(2);
    expect(vi.mocked(fetch)).toHaveBeenCalledTimes(1); // no second stream for this job
    expect(opened).toHaveLength(0);
  });

  test.each([
    ["drops", (stream: FakeStream) => stream.drop()],
    ["ends before the job does", (stream: FakeStream) => stream.end()],
    ["sends something that is not a status", (stream: FakeStream) => stream.write("data: <html>\n\n")],
  ])("a stream that %s falls back to polling at once, and stays polled", async (_, failure) => {
    const opened = serveEvents();
    const { fetchStatus, onStatus } = follow();
    await advance(0);
    await opened[0]!.send({ job_id: "job-1", status: "processing", progress: 30 });
    await failure(opened[0]!);
    await advance(0);

    expect(fetchStatus).toHaveBeenCalledTimes(1);
    await advance(POLL_INTERVAL_MS);
    expect(fetchStatus).toHaveBeenCalledTimes(2);
    expect(opened).toHaveLength(1);
    expect(onStatus.mock.calls[0]![0].progress).toBe(30);
  });

  test("a stream gone quiet, without even its keep-alive comments, is given up for polling", async () => {
    const opened = serveEvents();
    const { fetchStatus } = follow();
    await advance(0);
    const [stream] = opened;
    await stream!.send({ job_id: "job-1", status: "processing", progress: 30 });
    for (let ping = 0; ping < 4; ping += 1) {
      await advance(15_000);
      await stream!.write(": ping\n\n");
    }
    expect(fetchStatus).not.toHaveBeenCalled();

    await advance(EVENTS_SILENCE_MS);
    expect(stream!.cancelled).toBe(true);
    expect(fetchStatus).toHaveBeenCalledTimes(1);
    expect(opened).toHaveLength(1);
  });

  test("a browser that cannot read a stream polls, as before", async () => {
    vi.stubGlobal("ReadableStream", undefined);
    const { fetchStatus } = follow();
    await advance(0);
    expect(fetchStatus).toHaveBeenCalledTimes(1);
  });

  test("the stream is aborted when the job stops being followed, and when the studio closes", async () => {
    const opened = serveEvents();
    const { rerender } = follow();
    await advance(0);
    rerender({ status: "failed" });
    expect(opened[0]!.signal.aborted).toBe(true);
    expect(opened[0]!.cancelled).toBe(true);

    const other = follow("job-2");
    await advance(0);
    other.unmount();
    await advance(POLL_INTERVAL_MS);
    expect(opened[1]!.url).toBe("http://localhost:8000/api/jobs/job-2/events");
    expect(opened[1]!.signal.aborted).toBe(true);
    expect(opened[1]!.cancelled).toBe(true);
    expect(other.fetchStatus).not.toHaveBeenCalled();
  });

  test("the clip job's bar never goes backwards, whatever the stream or the polls say", async () => {
    seedStudio();
    startClips("job-1", [clip(1, "processing"), clip(2, "processing")]);
    const opened = serveEvents(undefined, {
      // The fallback poll answers with an older, lower figure than the stream gave.
      "GET /api/video/status/job-1": () =>
        jsonResponse({ job_id: "job-1", status: "processing", progress: 20, clips: [clip(1, "processing"), clip(2, "processing")] }),
    });
    renderHook(() => useClipJobPolling());
    await advance(0);
    const [stream] = opened;
    expect(stream!.url).toBe(EVENTS_URL);
    await stream!.send({ job_id: "job-1", status: "processing", progress: 50, clips: [clip(1, "complete"), clip(2, "processing")] });
    await stream!.send({ job_id: "job-1", status: "processing", progress: 40, clips: [clip(1, "complete"), clip(2, "processing")] });
    expect(useAppStore.getState().clipJob.progress).toBe(50);

    await stream!.drop();
    await advance(0);
    expect(vi.mocked(fetch).mock.calls.map(([url]) => new URL(String(url)).pathname)).toContain("/api/video/status/job-1");
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
