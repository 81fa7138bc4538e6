/** The creative brief and its uploads (backend `app/models/creative_brief.py`, `assets.py`), as
 * generated from the OpenAPI. */
import { studioConfig } from "./api.generated";
import type { Schemas, WithRequired } from "./shared.types";

/** The brief as the studio holds it: the list fields and the audience always present (perhaps
 * empty); the description, the photos and the brand optional. */
export type CreativeBrief = WithRequired<
  Schemas["CreativeBrief"],
  "target_audience" | "emotional_tone" | "visual_style_keywords" | "key_messages"
>;

/** The brand (backend `Brand`): a logo the user uploaded, hex colours, a font we ship. */
export type Brand = Schemas["Brand"];

/** What `POST /api/assets` answers for an upload. */
export type UploadedAsset = Schemas["AssetResponse"];

export type AssetKind = Schemas["Body_upload_asset_api_assets_post"]["kind"];

/** The fields a brief needs before the studio moves on (the description is optional). */
export type RequiredBriefField = Schemas["BriefSynthesis"]["missing_fields"][number];

/** The brief's text fields, which the panel edits. */
export type BriefField = RequiredBriefField | "product_description";

/** The fields a complete brief fills, from the backend (`GET /api/config`). */
export const BRIEF_FIELDS: readonly RequiredBriefField[] = studioConfig.brief.required_fields;

export const LIST_FIELDS: ReadonlySet<BriefField> = new Set([
  "emotional_tone",
  "visual_style_keywords",
  "key_messages",
]);

/** Every field of a brief, in the order the panel shows them. */
export const ALL_BRIEF_FIELDS: readonly BriefField[] = [
  "product_name",
  "product_description",
  "target_audience",
  "emotional_tone",
  "visual_style_keywords",
  "key_messages",
] as const;

/** What the director made of the conversation so far: the `data-brief` part of each reply. */
export type BriefSynthesis = Omit<Schemas["BriefSynthesis"], "creative_brief"> & {
  creative_brief: CreativeBrief;
};

export const EMPTY_BRIEF: CreativeBrief = {
  product_name: "",
  target_audience: "",
  emotional_tone: [],
  visual_style_keywords: [],
  key_messages: [],
};
