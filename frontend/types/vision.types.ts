/** The creative brief (backend `app/models/creative_brief.py`). */
export interface CreativeBrief {
  product_name: string;
  target_audience: string;
  emotional_tone: string[];
  visual_style_keywords: string[];
  key_messages: string[];
}

export type BriefField = keyof CreativeBrief;

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
