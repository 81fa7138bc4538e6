"use client";

import { AD_FORMATS } from "@/lib/formats";
import { useAppStore } from "@/store/appStore";

/** Which shapes to make the ad in; every one is cut from the same clips, no model runs again. */
export function FormatPicker({ disabled = false }: { disabled?: boolean }) {
  const chosen = useAppStore((s) => s.composeFormats);
  const toggle = useAppStore((s) => s.toggleComposeFormat);
  return (
    <fieldset className="grid gap-2 text-sm" disabled={disabled}>
      <legend className="mb-1 font-medium">Formats</legend>
      {AD_FORMATS.map((format) => {
        const checked = chosen.includes(format.id);
        return (
          <label key={format.id} className="flex items-center gap-2">
            <input
              type="checkbox"
              checked={checked}
              // The last one left stays: an ad needs at least one shape.
              disabled={checked && chosen.length === 1}
              onChange={() => toggle(format.id)}
            />
            <span>
              {format.id} <span className="text-muted-foreground">{format.size} · {format.use}</span>
            </span>
          </label>
        );
      })}
    </fieldset>
  );
}
