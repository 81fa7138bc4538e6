"use client";

import { Check } from "lucide-react";
import { useShallow } from "zustand/react/shallow";

import { cn } from "@/lib/utils";
import { useAppStore } from "@/store/appStore";
import { stepUnlocked } from "@/store/selectors";
import type { Step } from "@/types/shared.types";

export const STEPS: { step: Step; label: string }[] = [
  { step: 1, label: "Vision" },
  { step: 2, label: "Mood" },
  { step: 3, label: "Storyboard" },
  { step: 4, label: "Clips" },
  { step: 5, label: "Final ad" },
];

/** Five steps; any step whose inputs exist can be opened, so going back loses nothing. */
export function Stepper() {
  const current = useAppStore((s) => s.currentStep);
  const setCurrentStep = useAppStore((s) => s.setCurrentStep);
  const open = useAppStore(useShallow((s) => STEPS.map(({ step }) => stepUnlocked(s, step))));

  return (
    <nav aria-label="Steps" className="-mx-1 overflow-x-auto">
      <ol className="flex items-center gap-1 px-1">
        {STEPS.map(({ step, label }, i) => {
          const isCurrent = step === current;
          const done = step < current && open[i];
          return (
            <li key={step} className="flex items-center gap-1">
              {i > 0 && <span aria-hidden className="h-px w-3 bg-border sm:w-5" />}
              <button
                type="button"
                onClick={() => setCurrentStep(step)}
                disabled={!open[i]}
                aria-current={isCurrent ? "step" : undefined}
                className={cn(
                  "flex items-center gap-1.5 rounded-full px-2.5 py-1 text-sm whitespace-nowrap transition-colors outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50 disabled:cursor-not-allowed disabled:opacity-40",
                  isCurrent
                    ? "bg-primary text-primary-foreground"
                    : "text-muted-foreground hover:bg-accent hover:text-accent-foreground",
                )}
              >
                <span
                  aria-hidden
                  className={cn(
                    "flex size-5 items-center justify-center rounded-full border text-xs",
                    isCurrent && "border-primary-foreground/40",
                    done && "border-success bg-success text-white",
                  )}
                >
                  {done ? <Check className="size-3" /> : step}
                </span>
                {/* The name comes from the content (what is seen is in it, as axe asks); on a
                    phone only the current step shows its label, the others keep it for readers. */}
                <span className="sr-only">{`Step ${step}: ${label}`}</span>
                <span aria-hidden className={cn(!isCurrent && "hidden sm:inline")}>
                  {label}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
