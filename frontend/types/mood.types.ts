/** A visual mood (backend `app/models/mood.py`), as generated from the OpenAPI. */
import type { Schemas, Sent } from "./shared.types";

export type Mood = Sent<Schemas["Mood"]>;

export type MoodStyle = Sent<Schemas["MoodStyle"]>;

export type GenerateMoodsRequest = Schemas["GenerateMoodsRequest"];
