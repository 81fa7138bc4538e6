/**
 * One error type for everything the studio shows: the backend's stable `code` and its human
 * sentence (`{"detail", "code"}`), or our own for network trouble.
 */

export class ApiError extends Error {
  readonly code: string;
  readonly status: number | null;

  constructor(code: string, message: string, status: number | null = null) {
    super(message);
    this.name = "ApiError";
    this.code = code;
    this.status = status;
  }
}

interface FieldError {
  loc: (string | number)[];
  msg: string;
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

/** Turn a failed response into an `ApiError`, whatever shape its body has. */
export async function errorFromResponse(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy's HTML page, say): fall back to the status line.
  }
  if (body && typeof body === "object" && "detail" in body) {
    const { detail, code } = body as { detail: unknown; code?: unknown };
    const stableCode = typeof code === "string" ? code : `http_${response.status}`;
    if (typeof detail === "string") return new ApiError(stableCode, detail, response.status);
    if (Array.isArray(detail)) {
      return new ApiError(stableCode, describeFieldErrors(detail as FieldError[]), response.status);
    }
  }
  return new ApiError(
    `http_${response.status}`,
    `The backend answered ${response.status} ${response.statusText}`.trim(),
    response.status,
  );
}

export function unreachable(apiUrl: string): ApiError {
  return new ApiError(
    "backend_unreachable",
    `Can't reach the Reelsmith server at ${apiUrl}. Check your connection and try again in a moment.`,
  );
}

/** Any thrown value as a sentence for the UI. */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
