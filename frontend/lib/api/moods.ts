import { apiRequest } from "@/lib/api/client";
import type { GenerateMoodsRequest, Mood } from "@/types/mood.types";
import type { CreativeBrief } from "@/types/vision.types";

export async function generateMoods(
  creativeBrief: CreativeBrief,
  avoidStyles: string[] = [],
  signal?: AbortSignal,
): Promise<Mood[]> {
  const { moods } = await apiRequest<{ moods: Mood[] }>("/api/moods/generate", {
    body: { creative_brief: creativeBrief, avoid_styles: avoidStyles } satisfies GenerateMoodsRequest,
    signal,
    record: true,
  });
  return moods;
}
