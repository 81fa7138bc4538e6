// @vitest-environment node
import { describe, expect, test, vi } from "vitest";

import { type EventSourceMessage, readEventStream, StreamWentQuiet } from "@/lib/eventStream";

const bytes = (text: string) => new TextEncoder().encode(text);

/** A body that sends `chunks`, one a read, then ends (or fails, given `failure`). */
function body(chunks: Uint8Array[], failure?: Error): ReadableStream<Uint8Array> {
  const queue = [...chunks];
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = queue.shift();
      if (chunk) controller.enqueue(chunk);
      else if (failure) controller.error(failure);
      else controller.close();
    },
  });
}

async function read(chunks: Uint8Array[]): Promise<EventSourceMessage[]> {
  const events: EventSourceMessage[] = [];
  await readEventStream(body(chunks), (event) => events.push(event));
  return events;
}

/** What `EventSource` would hand on: each event's type and data (ids are not used here). */
const seen = (events: EventSourceMessage[]) => events.map(({ event, data }) => ({ event: event ?? "message", data }));

/** The backend's shape (FastAPI: `data: <json>` and a blank line, `: ping` comments), and the
 * spec's other forms: a byte-order mark, CRLF and CR line ends, multi-line data, named events,
 * ids, `retry`, a field without a colon, and characters of two to four bytes in UTF-8. */
const WIRE =
  "\uFEFF: ping\r\n" +
  "retry: 3000\n\n" +
  'data: {"job_id":"job-1","status":"processing","progress":10,"note":"café ✓ 🎬"}\n\n' +
  ": ping\n\n" +
  "event: message\r\nid: 7\r\ndata: line one\r\ndata:line two\r\n\r\n" +
  ":\r\r" +
  "data\r\r" +
  "event: other\ndata: x\n\n" +
  'data: {"status":"complete"}\r\n\r\n' +
  "data: never finished\n";

const EXPECTED = [
  { event: "message", data: '{"job_id":"job-1","status":"processing","progress":10,"note":"café ✓ 🎬"}' },
  { event: "message", data: "line one\nline two" },
  { event: "message", data: "" },
  { event: "other", data: "x" },
  { event: "message", data: '{"status":"complete"}' },
];

describe("reading an event stream", () => {
  test("hands on each finished event, in order, and drops the unfinished last one", async () => {
    const events = await read([bytes(WIRE)]);
    expect(seen(events)).toEqual(EXPECTED);
    expect(events[1]!.id).toBe("7");
  });

  test("gives the same events wherever the body is cut, even inside a character or a CRLF", async () => {
    const wire = bytes(WIRE);
    for (let cut = 0; cut <= wire.length; cut += 1) {
      const events = await read([wire.slice(0, cut), wire.slice(cut)]);
      expect(seen(events), `cut at byte ${cut}`).toEqual(EXPECTED);
    }
    const byteByByte = Array.from(wire, (byte) => Uint8Array.of(byte));
    expect(seen(await read(byteByByte))).toEqual(EXPECTED);
  });

  test("gives the same events for any two cuts in the line ends and the data", async () => {
    const wire = bytes("data: a\r\n\r\ndata: é\r\rdata: b\r\ndata: c\n\n");
    const expected = [
      { event: "message", data: "a" },
      { event: "message", data: "é" },
      { event: "message", data: "b\nc" },
    ];
    for (let first = 0; first <= wire.length; first += 1) {
      for (let second = first; second <= wire.length; second += 1) {
        const chunks = [wire.slice(0, first), wire.slice(first, second), wire.slice(second)];
        expect(seen(await read(chunks)), `cuts at ${first} and ${second}`).toEqual(expected);
      }
    }
  });

  test("a stream of keep-alive comments only hands on nothing", async () => {
    expect(await read([bytes(": ping\n\n"), bytes(":\n\n: ping\r\n\r\n")])).toEqual([]);
  });

  test("a read that fails rejects, after handing on what came before", async () => {
    const events: EventSourceMessage[] = [];
    const dropped = body([bytes("data: 1\n\ndata: 2")], new TypeError("network error"));
    await expect(readEventStream(dropped, (event) => events.push(event))).rejects.toThrow("network error");
    expect(events.map((event) => event.data)).toEqual(["1"]);
  });

  test("an event its reader refuses stops the reading, with the reader's error", async () => {
    const stream = body([bytes("data: 1\n\ndata: 2\n\n")]);
    const handed: string[] = [];
    const refused = readEventStream(stream, (event) => {
      handed.push(event.data);
      throw new SyntaxError("not a status");
    });
    await expect(refused).rejects.toThrow("not a status");
    expect(handed).toEqual(["1"]);
  });

  test("an abort stops the reading at once, hands on nothing more and cancels the body", async () => {
    let push!: (text: string) => void;
    const state = { cancelled: false };
    const open = new ReadableStream<Uint8Array>({
      start(source) {
        push = (text) => source.enqueue(bytes(text));
      },
      cancel() {
        state.cancelled = true;
      },
    });
    const controller = new AbortController();
    const handed: string[] = [];
    const reading = readEventStream(open, (event) => handed.push(event.data), { signal: controller.signal });
    push("data: 1\n\n");
    await new Promise((resolve) => setTimeout(resolve, 0));
    push("data: 2\n\n"); // on its way as the studio stops listening
    controller.abort();
    await expect(reading).resolves.toBeUndefined();
    expect(handed).toEqual(["1"]);
    expect(state.cancelled).toBe(true);
  });

  test("a stream that sends nothing, not even a comment, for too long is taken for dropped", async () => {
    vi.useFakeTimers();
    let push!: (text: string) => void;
    const state = { cancelled: false };
    const open = new ReadableStream<Uint8Array>({
      start(source) {
        push = (text) => source.enqueue(bytes(text));
      },
      cancel() {
        state.cancelled = true;
      },
    });
    const handed: string[] = [];
    const reading = readEventStream(open, (event) => handed.push(event.data), { silenceMs: 45_000 });
    const outcome = reading.then(
      () => "ended",
      (error: unknown) => error,
    );
    push("data: 1\n\n");
    for (let ping = 0; ping < 5; ping += 1) {
      await vi.advanceTimersByTimeAsync(15_000);
      push(": ping\n\n"); // each keep-alive comment restarts the wait
    }
    await vi.advanceTimersByTimeAsync(44_999);
    expect(state.cancelled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await outcome).toBeInstanceOf(StreamWentQuiet);
    expect(state.cancelled).toBe(true);
    expect(handed).toEqual(["1"]);
  });
});
