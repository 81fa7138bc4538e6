import type { StateCreator } from "zustand";

import { newId } from "@/lib/ids";
import {
  ALL_BRIEF_FIELDS,
  EMPTY_BRIEF,
  type BriefField,
  type CreativeBrief,
  type UploadedAsset,
} from "@/types/vision.types";

import type { AppState, VisionSlice } from "../types";

export const visionInitial = () =>
  ({
    chatId: newId("chat"),
    chatMessages: [],
    creativeBrief: null,
    productPhotos: [] as UploadedAsset[],
    logo: null as UploadedAsset | null,
  }) satisfies Partial<VisionSlice>;

/** The brief with the uploads' URLs in it: the studio's uploads are their only source, and a
 * brief without uploads keeps the seed's shape (no empty keys). */
function withUploads(brief: CreativeBrief, photos: UploadedAsset[], logo: UploadedAsset | null): CreativeBrief {
  const { product_images: _photos, brand: oldBrand, ...rest } = brief;
  const out: CreativeBrief = { ...rest };
  if (photos.length > 0) out.product_images = photos.map((p) => p.url);
  const { logo_url: _logo, ...brand } = oldBrand ?? {};
  const withLogo = logo ? { ...brand, logo_url: logo.url } : brand;
  if (Object.values(withLogo).some((v) => (Array.isArray(v) ? v.length > 0 : Boolean(v)))) {
    out.brand = withLogo;
  }
  return out;
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
      const shown = withUploads(merged, state.productPhotos, state.logo);
      return { creativeBrief: shown };
    }),
  editBriefField: (field, value) =>
    set((state) => {
      const creativeBrief = { ...(state.creativeBrief ?? EMPTY_BRIEF), [field]: value };
      return { creativeBrief };
    }),
  addProductPhoto: (asset) =>
    set((state) => uploads(state.creativeBrief, [...state.productPhotos, asset], state.logo)),
  replaceProductPhoto: (assetId, asset) =>
    set((state) =>
      uploads(
        state.creativeBrief,
        state.productPhotos.map((p) => (p.asset_id === assetId ? asset : p)),
        state.logo,
      ),
    ),
  removeProductPhoto: (assetId) =>
    set((state) =>
      uploads(
        state.creativeBrief,
        state.productPhotos.filter((p) => p.asset_id !== assetId),
        state.logo,
      ),
    ),
  setLogo: (logo) => set((state) => uploads(state.creativeBrief, state.productPhotos, logo)),
});

function uploads(brief: CreativeBrief | null, productPhotos: UploadedAsset[], logo: UploadedAsset | null) {
  const creativeBrief = withUploads(brief ?? EMPTY_BRIEF, productPhotos, logo);
  return { productPhotos, logo, creativeBrief };
}
