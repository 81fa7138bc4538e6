/**
 * The studio's one error parser. Every request (JSON calls, uploads, job polls and the chat's
 * stream) turns its failure into an `ApiError` here: the backend's stable `code` (a union
 * generated from its OpenAPI) and a sentence for people. Whatever the body was (our `{code,
 * message}`, a field list, a proxy's HTML page, nothing), the user reads a sentence, never raw
 * JSON or a stack trace.
 */

import { errorCodeValues } from "@/types/api.generated";
import type { BackendErrorCode, ErrorCode, ErrorInfo, FieldProblem } from "@/types/shared.types";

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly status: number | null;
  /** A 422's refused fields, each with its own sentence. */
  readonly fields: FieldProblem[];

  constructor(code: ErrorCode, message: string, status: number | null = null, fields: FieldProblem[] = []) {
    super(message);
    this.name = "ApiError";
    this.code = code;
    this.status = status;
    this.fields = fields;
  }
}

type FieldError = FieldProblem;

function isFieldError(value: unknown): value is FieldError {
  return (
    typeof value === "object" &&
    value !== null &&
    Array.isArray((value as FieldError).loc) &&
    typeof (value as FieldError).msg === "string"
  );
}

function describeFieldErrors(errors: FieldError[]): string {
  return errors
    .map((error) => {
      // `["body", "creative_brief", "product_name"]` → "creative_brief › product_name"
      const where = error.loc.filter((part) => part !== "body").join(" › ");
      return where ? `${where}: ${error.msg}` : error.msg;
    })
    .join("; ");
}

const BACKEND_CODES: ReadonlySet<string> = new Set(errorCodeValues);

/** A code the backend declares (`ErrorCode` in its OpenAPI); null for anything else, which a
 * newer or a foreign server might send. */
export function backendCode(code: unknown): BackendErrorCode | null {
  return typeof code === "string" && BACKEND_CODES.has(code) ? (code as BackendErrorCode) : null;
}

function statusSentence(status: number, statusText = ""): string {
  const line = `${status} ${statusText}`.trim();
  return status >= 500
    ? `The Reelsmith server could not answer (${line}); try again in a moment.`
    : `The Reelsmith server refused the request (${line}).`;
}

/** A failed response's body (already parsed, or null when it was not JSON) as an `ApiError`. */
export function errorFromBody(status: number, body: unknown, statusText = ""): ApiError {
  if (body && typeof body === "object") {
    const { detail, code, message } = body as { detail?: unknown; code?: unknown; message?: unknown };
    const known = backendCode(code) ?? "http_error";
    if (Array.isArray(detail) && detail.every(isFieldError) && detail.length > 0) {
      // Field by field reads better than the backend's summary sentence.
      const fields = detail.map(({ loc, msg, type }) => ({ loc, msg, ...(typeof type === "string" ? { type } : {}) }));
      return new ApiError(known === "http_error" ? "validation_error" : known, describeFieldErrors(detail), status, fields);
    }
    const sentence = typeof message === "string" ? message : typeof detail === "string" ? detail : null;
    if (sentence) return new ApiError(known, sentence, status);
  }
  return new ApiError("http_error", statusSentence(status, statusText), status);
}

/** Turn a failed response into an `ApiError`, whatever shape its body has. */
export async function errorFromResponse(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy's HTML page, say): the status line stands in.
  }
  return errorFromBody(response.status, body, response.statusText);
}

export function unreachable(apiUrl: string): ApiError {
  return new ApiError(
    "backend_unreachable",
    `Can't reach the Reelsmith server at ${apiUrl}. Check your connection and try again in a moment.`,
  );
}

/** A `fetch` for clients that read the response themselves (the chat's transport): a refusal
 * becomes an `ApiError` here instead of the response text being shown as it is. */
export function checkedFetch(apiUrl: string): typeof fetch {
  return async (input, init) => {
    let response: Response;
    try {
      response = await fetch(input, init);
    } catch (error) {
      if (init?.signal?.aborted) throw error;
      throw unreachable(apiUrl);
    }
    if (!response.ok) throw await errorFromResponse(response);
    return response;
  };
}

/** A successful response's JSON; a body that is not JSON is a `bad_response`. */
export async function readJson<T>(response: Response): Promise<T> {
  try {
    return (await response.json()) as T;
  } catch {
    throw new ApiError("bad_response", "The Reelsmith server sent an answer the studio could not read; try again.");
  }
}

function parsedJson(text: string): unknown {
  if (!/^\s*[{[]/.test(text)) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/**
 * Anything thrown, as the studio shows it. `fallback` is the code for an `Error` that is not
 * one of ours (a stream that broke off is `chat_failed`).
 */
export function toErrorInfo(
  error: unknown,
  apiUrl?: string,
  fallback: ErrorCode = "unexpected",
  withFields = false,
): ErrorInfo {
  if (error instanceof ApiError) {
    // A form that shows each refused field beside itself asks for them (`withFields`).
    return withFields && error.fields.length > 0
      ? { code: error.code, message: error.message, fields: error.fields }
      : { code: error.code, message: error.message };
  }
  if (apiUrl && (error instanceof TypeError || (error instanceof Error && /failed to fetch|network/i.test(error.message)))) {
    const { code, message } = unreachable(apiUrl);
    return { code, message };
  }
  const text = messageOf(error);
  const body = parsedJson(text);
  if (body !== null) {
    // A client library that put a response body in its message: parse it, never show it.
    const parsed = errorFromBody(0, body);
    return parsed.code === "http_error"
      ? { code: fallback, message: "The Reelsmith server sent an answer the studio could not read; try again." }
      : { code: parsed.code, message: parsed.message };
  }
  return { code: fallback, message: text || "Something went wrong in the studio; try again." };
}

/** Any thrown value as a sentence for the UI. */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
