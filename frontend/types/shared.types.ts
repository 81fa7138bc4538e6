/** Shapes shared by every step; they mirror the backend's pydantic models. */

export type JobStatus = "processing" | "complete" | "failed";

/** A backend error: a stable `code` for programs and a sentence for people. */
export interface ErrorInfo {
  code: string;
  message: string;
}

export type Step = 1 | 2 | 3 | 4 | 5;
