/**
 * Reading a `text/event-stream` body that came through `fetch`, as `EventSource` would: the
 * browser's `EventSource` cannot send an `Authorization` header, so with accounts on the studio
 * reads a job's events with its own `fetch` and this reader.
 *
 * Lines are parsed by `eventsource-parser` (the WHATWG rules: `data`, `event`, `id`, `retry`,
 * comments, LF, CR and CRLF line ends); bytes are decoded here as UTF-8 in streaming mode, so a
 * chunk may end anywhere, even inside a character. Like `EventSource`, an event the stream
 * never finished (no blank line after it) is dropped.
 */
import { createParser, type EventSourceMessage } from "eventsource-parser";

export type { EventSourceMessage };

/** Whether this browser can read a response body as it arrives. */
export function canReadStreams(): boolean {
  return (
    typeof globalThis.fetch === "function" &&
    typeof globalThis.ReadableStream === "function" &&
    typeof globalThis.TextDecoder === "function"
  );
}

/** The stream sent nothing, not even a keep-alive comment, for longer than it promised to. */
export class StreamWentQuiet extends Error {
  constructor() {
    super("The event stream went quiet.");
    this.name = "StreamWentQuiet";
  }
}

export interface ReadOptions {
  /** Stops the reading: the promise resolves and nothing more is handed on. */
  signal?: AbortSignal;
  /**
   * How long the stream may send nothing at all before it is taken for dropped (rejects with
   * `StreamWentQuiet`): a connection a proxy or a sleeping laptop cut without closing it.
   */
  silenceMs?: number;
}

/**
 * Hand on each event of `body` until it ends (resolves), fails (rejects with the read's error)
 * or is stopped (see `ReadOptions`). An `onEvent` that throws stops the reading, and the error
 * is the promise's.
 */
export async function readEventStream(
  body: ReadableStream<Uint8Array>,
  onEvent: (event: EventSourceMessage) => void,
  { signal, silenceMs }: ReadOptions = {},
): Promise<void> {
  const reader = body.getReader();
  // The default decoder drops a leading byte-order mark, as the spec asks.
  const decoder = new TextDecoder("utf-8");
  // Set by a throwing `onEvent` (inside the parser's callback, so kept here, not thrown).
  const refused: { error?: unknown; happened: boolean } = { happened: false };
  const parser = createParser({
    onEvent: (event) => {
      if (refused.happened || signal?.aborted) return;
      try {
        onEvent(event);
      } catch (error) {
        Object.assign(refused, { error, happened: true });
      }
    },
  });
  // A body that is not tied to the signal (one made by hand) still stops when asked to.
  const stop = () => void reader.cancel().catch(() => {});
  if (signal?.aborted) stop();
  signal?.addEventListener("abort", stop, { once: true });
  let quiet = false;
  let watchdog: ReturnType<typeof setTimeout> | undefined;
  const heard = () => {
    clearTimeout(watchdog);
    if (silenceMs === undefined) return;
    watchdog = setTimeout(() => {
      quiet = true;
      stop(); // the read waiting ends at once
    }, silenceMs);
  };
  try {
    heard();
    while (!refused.happened && !signal?.aborted) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (error) {
        if (signal?.aborted) return;
        throw error;
      }
      if (quiet) throw new StreamWentQuiet();
      if (chunk.done) {
        parser.feed(decoder.decode());
        break;
      }
      heard();
      parser.feed(decoder.decode(chunk.value, { stream: true }));
    }
    if (refused.happened) {
      stop();
      throw refused.error;
    }
  } finally {
    clearTimeout(watchdog);
    signal?.removeEventListener("abort", stop);
  }
}
