"use client";

import { ArrowRight } from "lucide-react";

import { StepHeader } from "@/components/studio/StepHeader";
import { Button } from "@/components/ui/button";
import { useAppStore } from "@/store/appStore";
import { stepUnlocked } from "@/store/selectors";

import { ChatInterface } from "./ChatInterface";
import { CreativeBriefSummary } from "./CreativeBriefSummary";
import { ProductAssets } from "./ProductAssets";

/** Step 1: talk the ad through with the director; the brief takes shape beside the chat. */
export function VisionStep() {
  const canContinue = useAppStore((s) => stepUnlocked(s, 2));
  const setCurrentStep = useAppStore((s) => s.setCurrentStep);
  return (
    <section aria-labelledby="vision-title">
      <StepHeader
        id="vision-title"
        title="Your vision"
        description="Tell the creative director about your product. The brief fills in as you talk, and you can edit any field."
        actions={
          <Button onClick={() => setCurrentStep(2)} disabled={!canContinue}>
            Choose a mood <ArrowRight aria-hidden />
          </Button>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <ChatInterface />
        <div className="space-y-6">
          <CreativeBriefSummary />
          <ProductAssets />
        </div>
      </div>
    </section>
  );
}
