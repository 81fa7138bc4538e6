/**
 * Shapes shared by every step: aliases of the types generated from the backend's OpenAPI
 * (`api.generated.ts`, `make contract`), under the seed's names.
 */

import type { components } from "./api.generated";

export type Schemas = components["schemas"];

/** A response as the backend sends it: every field with a default is present (FastAPI writes
 * them all), while a request may leave them out. */
export type Sent<T> = { [K in keyof T]-?: Exclude<T[K], undefined> };

/** `T` with the fields `K` present: what the studio always fills in, though the API may not
 * require it. */
export type WithRequired<T, K extends keyof T> = T & { [P in K]-?: Exclude<T[P], undefined> };

export type JobStatus = Schemas["JobStatus"];

/** Every code the backend can answer with (`app/errors.py`'s `ErrorCode`). */
export type BackendErrorCode = Schemas["ErrorCode"];

/** Failures the studio sees before or after the backend has spoken: no answer at all, an
 * answer it cannot read, a chat stream that broke off, a poll that failed, a fault of its own. */
export type StudioErrorCode = "backend_unreachable" | "bad_response" | "chat_failed" | "poll_failed" | "unexpected";

/** Every code the studio can show: the backend's, generated from its OpenAPI, and its own. */
export type ErrorCode = BackendErrorCode | StudioErrorCode;

/** An error as the studio shows it: a stable `code` for programs and a sentence for people
 * (the backend's `ErrorInfo`, whose code may also be one of the studio's). */
export type ErrorInfo = Omit<Schemas["ErrorInfo"], "code"> & {
  code: ErrorCode;
  /** A 422's fields, one by one, so a form can show each beside its own field. */
  fields?: FieldProblem[];
};

/** One field a 422 refused: where (`["body", "clips", 2, "voiceover"]`), why, and its kind. */
export interface FieldProblem {
  loc: (string | number)[];
  msg: string;
  type?: string;
}

export type Step = 1 | 2 | 3 | 4 | 5;
