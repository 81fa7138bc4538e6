import { env } from "@/lib/env";
import { ApiError, checkedFetch, readJson } from "@/lib/errors";
import { authHeaders, useSession } from "@/store/session";

import { recorded } from "./recording";

export interface RequestOptions {
  method?: "GET" | "POST" | "PATCH" | "DELETE";
  body?: unknown;
  signal?: AbortSignal;
  /** A step whose result the backend records in the current project (`?project_id=`). */
  record?: boolean;
}

/**
 * The studio's one `fetch` to the backend: the signed-in user's token on every request (with
 * accounts on), a refusal turned into an `ApiError`, and a 401 (no sign-in, or an expired one)
 * back to the sign-in page with the backend's sentence.
 */
export function apiFetch(): typeof fetch {
  const checked = checkedFetch(env.apiUrl);
  return async (input, init) => {
    const auth = authHeaders();
    let signed = init;
    if (Object.keys(auth).length > 0) {
      const headers = new Headers(init?.headers);
      for (const [name, value] of Object.entries(auth)) headers.set(name, value);
      signed = { ...init, headers };
    }
    try {
      return await checked(input, signed);
    } catch (error) {
      if (error instanceof ApiError && error.code === "not_signed_in") {
        if (useSession.getState().token) useSession.getState().signOut(error.message);
      }
      throw error;
    }
  };
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  return options.record ? recorded(path, (target) => sendOnce(target, options)) : sendOnce(path, options);
}

function sendOnce(path: string, options: RequestOptions): Promise<Response> {
  const { method = options.body === undefined ? "GET" : "POST", body, signal } = options;
  return apiFetch()(`${env.apiUrl}${path}`, {
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
