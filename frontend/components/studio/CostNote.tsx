import type { JobCost } from "@/types/video.types";

export const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 2 });

/** The estimated provider cost of a job; silent when only local providers ran (no calls). */
export function CostNote({ cost, what }: { cost: JobCost | null; what: string }) {
  if (!cost || cost.calls === 0) return null;
  return (
    <p className="text-xs text-muted-foreground" data-testid="cost-note">
      {what}: about {usd.format(cost.estimated_usd)} at the providers ({cost.calls}{" "}
      {cost.calls === 1 ? "call" : "calls"}, estimated).
    </p>
  );
}
