import { env } from "@/lib/env";
import { checkedFetch, readJson } from "@/lib/errors";

export interface RequestOptions {
  method?: "GET" | "POST";
  body?: unknown;
  signal?: AbortSignal;
}

/** JSON in, JSON out, against the FastAPI backend; every failure is an `ApiError` from the
 * studio's one error parser (`lib/errors.ts`). */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = options.body === undefined ? "GET" : "POST", body, signal } = options;
  const response = await checkedFetch(env.apiUrl)(`${env.apiUrl}${path}`, {
    method,
    signal,
    headers: body === undefined ? undefined : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return readJson<T>(response);
}
