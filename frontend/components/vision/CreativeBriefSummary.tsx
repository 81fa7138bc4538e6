"use client";

import { useMemo, useState } from "react";
import { CheckCircle2, CircleDashed } from "lucide-react";

import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { useAppStore } from "@/store/appStore";
import { missingFields } from "@/store/selectors";
import {
  ALL_BRIEF_FIELDS,
  EMPTY_BRIEF,
  LIST_FIELDS,
  type BriefField,
  type CreativeBrief,
} from "@/types/vision.types";

export const FIELD_LABELS: Record<BriefField, string> = {
  product_name: "Product",
  product_description: "What it is",
  target_audience: "Audience",
  emotional_tone: "Tone",
  visual_style_keywords: "Visual style",
  key_messages: "Key messages",
};

const PLACEHOLDERS: Record<BriefField, string> = {
  product_name: "e.g. Glow Drops",
  product_description: "e.g. a vitamin C serum (optional)",
  target_audience: "e.g. women 30–50 who love skincare",
  emotional_tone: "e.g. elegant, calming",
  visual_style_keywords: "e.g. minimalist, white, gold",
  key_messages: "One message per line",
};

/** Lists are typed as comma-separated words, key messages one per line. */
export function parseList(field: BriefField, text: string): string[] {
  const separator = field === "key_messages" ? /\n/ : /[,\n]/;
  return text
    .split(separator)
    .map((item) => item.trim())
    .filter(Boolean);
}

function formatList(field: BriefField, values: string[]): string {
  return values.join(field === "key_messages" ? "\n" : ", ");
}

function valueText(brief: CreativeBrief, field: BriefField): string {
  const value = brief[field];
  return Array.isArray(value) ? formatList(field, value) : (value ?? "");
}

/**
 * One field. The draft is the user's text while they type (so a trailing comma survives);
 * otherwise the field shows the store's value, which the director may update.
 */
function BriefFieldEditor({ field, missing }: { field: BriefField; missing: boolean }) {
  const value = useAppStore((s) => valueText(s.creativeBrief ?? EMPTY_BRIEF, field));
  const editBriefField = useAppStore((s) => s.editBriefField);
  const [draft, setDraft] = useState<string | null>(null);
  const id = `brief-${field}`;
  const isList = LIST_FIELDS.has(field);

  const change = (text: string) => {
    setDraft(text);
    editBriefField(field, (isList ? parseList(field, text) : text.trim()) as never);
  };
  const common = {
    id,
    value: draft ?? value,
    placeholder: PLACEHOLDERS[field],
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      change(e.target.value),
    onBlur: () => setDraft(null),
    "aria-describedby": missing ? `${id}-missing` : undefined,
  };

  return (
    <div className="grid gap-1.5">
      <div className="flex items-center justify-between">
        <Label htmlFor={id}>{FIELD_LABELS[field]}</Label>
        {missing && (
          <Badge variant="outline" id={`${id}-missing`} className="text-muted-foreground">
            <CircleDashed aria-hidden /> to discuss
          </Badge>
        )}
      </div>
      {field === "key_messages" ? (
        <Textarea rows={3} {...common} />
      ) : (
        <Input {...common} />
      )}
    </div>
  );
}

/** The creative brief as the conversation settles it; every field stays editable. */
export function CreativeBriefSummary() {
  const brief = useAppStore((s) => s.creativeBrief);
  const missing = useMemo(() => missingFields(brief), [brief]);
  const hasBrief = brief !== null;
  const complete = hasBrief && missing.length === 0;

  return (
    <Card aria-labelledby="brief-title" data-testid="creative-brief">
      <CardHeader>
        <CardTitle id="brief-title" className="flex items-center gap-2">
          Creative brief
          {complete && <CheckCircle2 className="size-4 text-success" aria-label="complete" />}
        </CardTitle>
        <CardDescription>
          {!hasBrief
            ? "Fills in as you chat. You can also type here directly."
            : complete
              ? "Everything the director needs. Edit anything, then choose a mood."
              : `Still to discuss: ${missing.map((f) => FIELD_LABELS[f].toLowerCase()).join(", ")}.`}
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {ALL_BRIEF_FIELDS.map((field) => (
          <BriefFieldEditor
            key={field}
            field={field}
            missing={hasBrief && (missing as readonly string[]).includes(field)}
          />
        ))}
      </CardContent>
    </Card>
  );
}
