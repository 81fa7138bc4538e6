/**
 * Saved studios from earlier versions of the store, brought to the current shape so that a
 * reload after an upgrade resumes where the user was, job in flight included.
 *
 * Version 1 kept each job as loose fields (`clipJobId`, `generatedClips`, `finalVideo`, ...);
 * version 2 keeps one `JobState` per job. Fields a version-1 save may lack (it predates some of
 * them) fall back to an idle job's.
 */
import type { JobStatus } from "@/types/shared.types";

import { idleJob } from "./slices/video";
import type { AppState, JobState } from "./types";

export const STORE_VERSION = 2;

type Saved = Record<string, unknown>;

/** The loose job fields of a version-1 save, by their old names. */
const V1_JOB_FIELDS = [
  "clipJobId",
  "clipJobStatus",
  "clipJobError",
  "generatedClips",
  "clipGenerationProgress",
  "clipsSourceKey",
  "clipJobCost",
  "clipJobClock",
  "composeJobId",
  "composeJobStatus",
  "composeError",
  "finalVideo",
  "compositionProgress",
  "finalSourceKey",
  "composeJobKey",
  "composeCost",
  "composeClock",
  // Transient fields a version-1 save never held, listed so that none survives a migration.
  "error",
] as const;

function orDefault<T>(value: unknown, fallback: T): T {
  return value === undefined || value === null ? fallback : (value as T);
}

function fromV1(saved: Saved): Saved {
  const clipJob: JobState<AppState["clipJob"]["output"]> = {
    ...idleJob([]),
    jobId: orDefault(saved.clipJobId, null),
    status: orDefault<JobStatus | null>(saved.clipJobStatus, null),
    progress: orDefault(saved.clipGenerationProgress, 0),
    error: orDefault(saved.clipJobError, null),
    cost: orDefault(saved.clipJobCost, null),
    clock: orDefault(saved.clipJobClock, null),
    // Version 1 replaced the clips as each job started: its key was both.
    jobKey: orDefault(saved.clipsSourceKey, null),
    output: orDefault(saved.generatedClips, []),
    outputKey: orDefault(saved.clipsSourceKey, null),
  };
  const composeJob: JobState<AppState["composeJob"]["output"]> = {
    ...idleJob(null),
    jobId: orDefault(saved.composeJobId, null),
    status: orDefault<JobStatus | null>(saved.composeJobStatus, null),
    progress: orDefault(saved.compositionProgress, 0),
    error: orDefault(saved.composeError, null),
    cost: orDefault(saved.composeCost, null),
    clock: orDefault(saved.composeClock, null),
    // Saves from before the in-flight key existed composed what the final video shows.
    jobKey: orDefault(saved.composeJobKey, orDefault(saved.finalSourceKey, null)),
    output: orDefault(saved.finalVideo, null),
    outputKey: orDefault(saved.finalSourceKey, null),
  };
  const kept = Object.fromEntries(
    Object.entries(saved).filter(([name]) => !(V1_JOB_FIELDS as readonly string[]).includes(name)),
  );
  return { ...kept, clipJob, composeJob };
}

/** zustand's `persist` calls this with a save whose version differs from `STORE_VERSION`. */
export function migrateStudio(persisted: unknown, version: number): Partial<AppState> {
  if (typeof persisted !== "object" || persisted === null) return {};
  let saved = persisted as Saved;
  if (version <= 1) saved = fromV1(saved);
  return saved as Partial<AppState>;
}
