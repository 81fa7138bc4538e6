/** The creative brief (backend `app/models/creative_brief.py`). */
export interface CreativeBrief {
  product_name: string;
  /** What the product is ("handmade ceramic mugs") when its name does not say it; optional. */
  product_description?: string;
  target_audience: string;
  emotional_tone: string[];
  visual_style_keywords: string[];
  key_messages: string[];
}

export type BriefField = keyof CreativeBrief;

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
