import type { StateCreator } from "zustand";

import { newId } from "@/lib/ids";
import { EMPTY_BRIEF, type CreativeBrief } from "@/types/vision.types";

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
      const missingFields = synthesis.missing_fields.filter(
        (field) => !state.editedFields.includes(field),
      );
      return {
        creativeBrief: merged,
        missingFields,
        briefComplete: synthesis.complete || missingFields.length === 0,
      };
    }),
  editBriefField: (field, value) =>
    set((state) => {
      const creativeBrief = { ...(state.creativeBrief ?? EMPTY_BRIEF), [field]: value };
      const filled = Array.isArray(value) ? value.length > 0 : String(value).trim() !== "";
      const missingFields = filled
        ? state.missingFields.filter((f) => f !== field)
        : state.missingFields.includes(field)
          ? state.missingFields
          : [...state.missingFields, field];
      return {
        creativeBrief,
        editedFields: state.editedFields.includes(field)
          ? state.editedFields
          : [...state.editedFields, field],
        missingFields,
        briefComplete: missingFields.length === 0,
      };
    }),
});
