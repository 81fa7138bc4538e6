"use client";

import { useState } from "react";
import { RotateCcw } from "lucide-react";

import { Button } from "@/components/ui/button";
import { useAppStore } from "@/store/appStore";

/** Start over, after a confirmation whenever there is work to lose. */
export function NewAdButton({
  variant = "ghost",
  size = "sm",
}: {
  variant?: "ghost" | "outline";
  size?: "sm" | "lg";
}) {
  const reset = useAppStore((s) => s.reset);
  const hasWork = useAppStore((s) => s.chatMessages.length > 0 || s.creativeBrief !== null);
  // Work in a project stays on the server (in Projects); only work in none is lost.
  const saved = useAppStore((s) => s.projectId !== null);
  const [confirming, setConfirming] = useState(false);
  if (confirming) {
    return (
      <div className="flex items-center gap-2 text-sm" role="group" aria-label="Start a new ad?">
        <span className="hidden sm:inline">
          {saved ? "Start a new ad? This one stays in Projects." : "Discard this ad and start over?"}
        </span>
        <Button
          size="sm"
          variant="destructive"
          onClick={() => {
            reset();
            setConfirming(false);
          }}
        >
          Start over
        </Button>
        <Button size="sm" variant="ghost" onClick={() => setConfirming(false)}>
          Keep working
        </Button>
      </div>
    );
  }
  return (
    <Button size={size} variant={variant} onClick={() => (hasWork ? setConfirming(true) : reset())}>
      <RotateCcw aria-hidden /> New ad
    </Button>
  );
}
