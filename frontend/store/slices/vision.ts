import type { StateCreator } from "zustand";

import { newId } from "@/lib/ids";
import {
  ALL_BRIEF_FIELDS,
  BRIEF_FIELDS,
  EMPTY_BRIEF,
  type BriefField,
  type CreativeBrief,
} from "@/types/vision.types";

import type { AppState, VisionSlice } from "../types";

export const visionInitial = () =>
  ({
    chatId: newId("chat"),
    chatMessages: [],
    creativeBrief: null,
    missingFields: [],
    briefComplete: false,
  }) satisfies Partial<VisionSlice>;

/** What is still empty, read from the brief itself: whoever filled a field (the director or
 * the user), an empty one is still to discuss. */
export function completeness(brief: CreativeBrief): Pick<VisionSlice, "missingFields" | "briefComplete"> {
  const missingFields = BRIEF_FIELDS.filter((field) => {
    const value = brief[field];
    return Array.isArray(value) ? value.length === 0 : (value ?? "").trim() === "";
  });
  return { missingFields, briefComplete: missingFields.length === 0 };
}

function sameValue(brief: CreativeBrief, other: CreativeBrief, field: BriefField): boolean {
  return JSON.stringify(brief[field] ?? "") === JSON.stringify(other[field] ?? "");
}

export const createVisionSlice: StateCreator<AppState, [], [], VisionSlice> = (set) => ({
  ...visionInitial(),
  setChatMessages: (chatMessages) => set({ chatMessages }),
  setCreativeBrief: (creativeBrief) => set({ creativeBrief }),
  applyBriefSynthesis: (synthesis, sent) =>
    set((state) => {
      // The director started from the brief the request carried (hand edits included) and
      // changed only what the message asked, so its brief is shown as it is; only a field
      // typed while it was answering is newer than its reading.
      const current = state.creativeBrief ?? EMPTY_BRIEF;
      const merged: CreativeBrief = { ...synthesis.creative_brief };
      if (sent !== undefined) {
        for (const field of ALL_BRIEF_FIELDS) {
          if (!sameValue(current, sent ?? EMPTY_BRIEF, field)) {
            Object.assign(merged, { [field]: current[field] });
          }
        }
      }
      return { creativeBrief: merged, ...completeness(merged) };
    }),
  editBriefField: (field, value) =>
    set((state) => {
      const creativeBrief = { ...(state.creativeBrief ?? EMPTY_BRIEF), [field]: value };
      return { creativeBrief, ...completeness(creativeBrief) };
    }),
});
