/** Saved projects (backend `app/models/project.py`), as generated from the OpenAPI. */
import type { Schemas, Sent } from "./shared.types";

/** A project in the gallery. */
export type ProjectSummary = Sent<Schemas["ProjectSummary"]>;

/** A whole project: its work and every ad composed. */
export type Project = Sent<Schemas["Project"]>;

/** One ad composed for a project. */
export type ProjectAd = Sent<Schemas["Ad"]>;

export type ProjectCreate = Schemas["ProjectCreate"];

/** `PATCH`: only the fields sent change. */
export type ProjectUpdate = Schemas["ProjectUpdate"];
