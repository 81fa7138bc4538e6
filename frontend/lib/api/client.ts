import { env } from "@/lib/env";
import { checkedFetch, readJson } from "@/lib/errors";

import { recorded } from "./recording";

export interface RequestOptions {
  method?: "GET" | "POST" | "PATCH" | "DELETE";
  body?: unknown;
  signal?: AbortSignal;
  /** A step whose result the backend records in the current project (`?project_id=`). */
  record?: boolean;
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  return options.record ? recorded(path, (target) => sendOnce(target, options)) : sendOnce(path, options);
}

function sendOnce(path: string, options: RequestOptions): Promise<Response> {
  const { method = options.body === undefined ? "GET" : "POST", body, signal } = options;
  return checkedFetch(env.apiUrl)(`${env.apiUrl}${path}`, {
    method,
    signal,
    headers: body === undefined ? undefined : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** JSON in, JSON out, against the FastAPI backend; every failure is an `ApiError` from the
 * studio's one error parser (`lib/errors.ts`). */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  return readJson<T>(await send(path, options));
}

/** A request whose success has no body (a 204); failures are `ApiError`s as for the others. */
export async function apiCommand(path: string, options: RequestOptions = {}): Promise<void> {
  await send(path, options);
}
