/** The creative brief (backend `app/models/creative_brief.py`). */
export interface CreativeBrief {
  product_name: string;
  /** What the product is ("handmade ceramic mugs") when its name does not say it; optional. */
  product_description?: string;
  target_audience: string;
  emotional_tone: string[];
  visual_style_keywords: string[];
  key_messages: string[];
  /** URLs of the product photos the user uploaded (`POST /api/assets`); optional. */
  product_images?: string[];
  /** Logo, colours and font; optional. */
  brand?: Brand | null;
}

/** The brand (backend `Brand`): a logo the user uploaded, hex colours, a font we ship. */
export interface Brand {
  logo_url?: string | null;
  colors?: string[];
  font?: string | null;
}

/** What `POST /api/assets` answers for an upload. */
export interface UploadedAsset {
  asset_id: string;
  url: string;
  width: number;
  height: number;
  has_alpha: boolean;
  /** The product cut out from its background (PNG with alpha); null for a logo. */
  cutout_url: string | null;
}

export type AssetKind = "product" | "logo";

/** The brief's text fields, which the panel edits. */
export type BriefField =
  | "product_name"
  | "product_description"
  | "target_audience"
  | "emotional_tone"
  | "visual_style_keywords"
  | "key_messages";

/** The fields a brief needs before the studio moves on (the description is optional). */
export const BRIEF_FIELDS: readonly BriefField[] = [
  "product_name",
  "target_audience",
  "emotional_tone",
  "visual_style_keywords",
  "key_messages",
] as const;

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
export interface BriefSynthesis {
  creative_brief: CreativeBrief;
  missing_fields: BriefField[];
  complete: boolean;
}

export const EMPTY_BRIEF: CreativeBrief = {
  product_name: "",
  target_audience: "",
  emotional_tone: [],
  visual_style_keywords: [],
  key_messages: [],
};
