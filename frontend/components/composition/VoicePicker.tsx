"use client";

import { Loader2, Volume2 } from "lucide-react";

import { RequestError } from "@/components/studio/RequestError";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Skeleton } from "@/components/ui/skeleton";
import { useVoicePreview, useVoices } from "@/hooks/useVoices";
import { useAppStore } from "@/store/appStore";

const NONE = "none";

/** Who speaks the voiceover (or no one), with a short preview of the voice. The server's
 * default is chosen until the user picks another. */
export function VoicePicker({ disabled = false }: { disabled?: boolean }) {
  const { voices, retry } = useVoices();
  const chosen = useAppStore((s) => s.composeVoice);
  const setVoice = useAppStore((s) => s.setComposeVoice);
  const { preview, play } = useVoicePreview();

  if (voices.state === "loading") {
    return <Skeleton className="h-16 w-full" aria-label="Loading the voices" />;
  }
  if (voices.state === "error") {
    return <RequestError title="The voices could not be listed" error={voices.error} onRetry={retry} />;
  }
  const { voices: list, default: fallback } = voices.value;
  const known = list.some((v) => v.id === chosen);
  const current = chosen && known ? chosen : fallback;
  const speaking = current !== NONE;
  const shown = preview?.voice === current ? preview : null;

  return (
    <div className="grid gap-1.5 text-sm">
      <Label htmlFor="voice-picker">Voice</Label>
      <div className="flex flex-wrap items-center gap-2">
        <select
          id="voice-picker"
          className="h-9 min-w-0 flex-1 rounded-md border border-input bg-transparent px-2 text-sm"
          value={current}
          disabled={disabled}
          onChange={(e) => setVoice(e.target.value === fallback ? null : e.target.value)}
        >
          {list.map((voice) => (
            <option key={voice.id} value={voice.id}>
              {/* "(default)" comes right after the name: a narrow select cuts its label's end. */}
              {voice.name}
              {voice.id === fallback ? " (default)" : ""}
              {voice.provider !== NONE ? ` · ${voice.language} · ${voice.provider}` : ""}
            </option>
          ))}
        </select>
        <Button
          size="sm"
          variant="outline"
          disabled={!speaking || shown?.state === "loading"}
          onClick={() => void play(current)}
          aria-label="Hear a preview of the voice"
        >
          {shown?.state === "loading" ? <Loader2 aria-hidden className="animate-spin" /> : <Volume2 aria-hidden />}
          Preview
        </Button>
      </div>
      {shown?.state === "ready" && (
        <audio src={shown.url} controls autoPlay className="h-9 w-full" data-testid="voice-preview" />
      )}
      {shown?.state === "error" && (
        <RequestError title="The preview could not be made" error={shown.error} onRetry={() => void play(current)} />
      )}
      {!speaking && <p className="text-xs text-muted-foreground">Music only: the lines are not spoken.</p>}
    </div>
  );
}
