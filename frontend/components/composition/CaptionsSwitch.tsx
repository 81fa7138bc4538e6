"use client";

import { useAppStore } from "@/store/appStore";

/** Burn the spoken words in as captions (word by word, in the safe area) or not. */
export function CaptionsSwitch({ disabled = false }: { disabled?: boolean }) {
  const on = useAppStore((s) => s.composeCaptions);
  const set = useAppStore((s) => s.setComposeCaptions);
  return (
    <label className="flex items-center justify-between gap-3 text-sm">
      <span>
        <span className="font-medium">Captions</span>
        <span className="block text-xs text-muted-foreground">The spoken words, burned in and as .vtt/.srt</span>
      </span>
      <button
        type="button"
        role="switch"
        aria-checked={on}
        aria-label="Captions"
        disabled={disabled}
        onClick={() => set(!on)}
        data-testid="captions-switch"
        className="relative inline-flex h-6 w-11 shrink-0 items-center rounded-full border-2 border-transparent bg-input transition-colors outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50 disabled:cursor-not-allowed disabled:opacity-50 aria-checked:bg-primary"
      >
        <span
          aria-hidden
          className={`pointer-events-none block size-5 rounded-full bg-background shadow-sm transition-transform ${on ? "translate-x-5" : "translate-x-0"}`}
        />
      </button>
    </label>
  );
}
