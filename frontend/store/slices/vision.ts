import type { StateCreator } from "zustand";

import { newId } from "@/lib/ids";
import { BRIEF_FIELDS, EMPTY_BRIEF, type CreativeBrief } from "@/types/vision.types";

import type { AppState, VisionSlice } from "../types";

export const visionInitial = () =>
  ({
    chatId: newId("chat"),
    chatMessages: [],
    creativeBrief: null,
    missingFields: [],
    briefComplete: false,
    editedFields: [],
  }) satisfies Partial<VisionSlice>;

/** What is still empty, read from the brief itself: whoever filled a field (the director or
 * the user), an empty one is still to discuss. */
export function completeness(brief: CreativeBrief): Pick<VisionSlice, "missingFields" | "briefComplete"> {
  const missingFields = BRIEF_FIELDS.filter((field) => {
    const value = brief[field];
    return Array.isArray(value) ? value.length === 0 : value.trim() === "";
  });
  return { missingFields, briefComplete: missingFields.length === 0 };
}

export const createVisionSlice: StateCreator<AppState, [], [], VisionSlice> = (set) => ({
  ...visionInitial(),
  setChatMessages: (chatMessages) => set({ chatMessages }),
  setCreativeBrief: (creativeBrief) => set({ creativeBrief }),
  applyBriefSynthesis: (synthesis) =>
    set((state) => {
      const current = state.creativeBrief ?? EMPTY_BRIEF;
      const merged = { ...synthesis.creative_brief } as CreativeBrief;
      for (const field of state.editedFields) {
        (merged as unknown as Record<string, unknown>)[field] = current[field];
      }
      return { creativeBrief: merged, ...completeness(merged) };
    }),
  editBriefField: (field, value) =>
    set((state) => {
      const creativeBrief = { ...(state.creativeBrief ?? EMPTY_BRIEF), [field]: value };
      return {
        creativeBrief,
        editedFields: state.editedFields.includes(field)
          ? state.editedFields
          : [...state.editedFields, field],
        ...completeness(creativeBrief),
      };
    }),
});
