"use client";

import { Check } from "lucide-react";

import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/lib/utils";
import type { Mood } from "@/types/mood.types";

import { MoodBoard } from "./MoodBoard";

/** One mood: its board, name, keywords and palette. The whole card is the choice. */
export function MoodCard({
  mood,
  selected,
  onSelect,
}: {
  mood: Mood;
  selected: boolean;
  onSelect: () => void;
}) {
  return (
    <Card
      className={cn(
        "relative min-w-0 gap-4 py-4 transition-shadow has-[input:focus-visible]:ring-[3px] has-[input:focus-visible]:ring-ring/50",
        selected ? "border-brand shadow-md ring-2 ring-brand" : "hover:shadow-md",
      )}
      data-testid="mood-card"
      data-selected={selected}
    >
      <label className="absolute inset-0 z-10 cursor-pointer rounded-xl">
        <input
          type="radio"
          name="mood"
          className="sr-only"
          checked={selected}
          onChange={onSelect}
          aria-label={`Choose the mood ${mood.style_name}`}
        />
      </label>
      <CardHeader className="px-4">
        <CardTitle className="flex items-center justify-between gap-2">
          <span className="min-w-0 break-words">{mood.style_name}</span>
          {selected && (
            <span className="flex size-6 items-center justify-center rounded-full bg-brand text-white">
              <Check className="size-4" aria-hidden />
            </span>
          )}
        </CardTitle>
      </CardHeader>
      <CardContent className="grid min-w-0 gap-3 px-4">
        <MoodBoard images={mood.reference_images} name={mood.style_name} />
        <ul className="flex min-w-0 flex-wrap gap-1" aria-label="Keywords">
          {mood.style_keywords.map((keyword) => (
            <li key={keyword}>
              <Badge variant="secondary">{keyword}</Badge>
            </li>
          ))}
        </ul>
        <ul className="flex min-w-0 flex-wrap gap-1.5" aria-label="Colour palette">
          {mood.color_palette.map((colour) => (
            <li
              key={colour}
              className="flex items-center gap-1 rounded-full border py-0.5 pr-2 pl-0.5 text-xs text-muted-foreground"
            >
              <span
                className="size-4 rounded-full border"
                style={{ backgroundColor: colour }}
                aria-hidden
              />
              {colour}
            </li>
          ))}
        </ul>
      </CardContent>
    </Card>
  );
}
