import { usd } from "@/components/studio/CostNote";
import type { CostEstimate as Estimate } from "@/types/video.types";

/**
 * The cost of the next paid steps, before they start: the clips, and composing the ad (music,
 * and the voiceover when a paid voice speaks it); and what is left of today's budget. Silent
 * when everything runs on local providers and no budget is set.
 */
export function CostEstimate({ estimate }: { estimate: Estimate | null }) {
  if (!estimate) return null;
  const { clips_usd, compose_usd, items, budget } = estimate;
  const voiced = items.some((item) => item.capability === "voice" && item.estimated_usd > 0);
  const sentences = [
    clips_usd > 0 && `Rendering these clips: about ${usd.format(clips_usd)} at the providers.`,
    compose_usd > 0 &&
      `Composing the ad afterwards (music${voiced ? " and the voiceover" : ""}): about ${usd.format(compose_usd)}.`,
    budget.daily_usd > 0 &&
      `Today's budget: ${usd.format(budget.remaining_usd ?? 0)} left of ${usd.format(budget.daily_usd)}.`,
  ].filter(Boolean);
  if (sentences.length === 0) return null;
  return (
    <p className="text-xs text-muted-foreground" data-testid="cost-estimate">
      {sentences.join(" ")} Estimated from list prices.
    </p>
  );
}
