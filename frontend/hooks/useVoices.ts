"use client";

import { useCallback, useEffect, useState } from "react";

import { listVoices, previewVoice } from "@/lib/api/voices";
import { toErrorInfo } from "@/lib/errors";
import type { ErrorInfo } from "@/types/shared.types";
import type { VoicesResponse } from "@/types/voice.types";

type Loaded<T> = { state: "loading" } | { state: "error"; error: ErrorInfo } | { state: "ready"; value: T };

/** The server's voices (server data: asked once per visit to the step, not stored). */
export function useVoices() {
  const [voices, setVoices] = useState<Loaded<VoicesResponse>>({ state: "loading" });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const abort = new AbortController();
    listVoices(abort.signal).then(
      (value) => setVoices({ state: "ready", value }),
      (error: unknown) => {
        if (!abort.signal.aborted) setVoices({ state: "error", error: toErrorInfo(error) });
      },
    );
    return () => abort.abort();
  }, [attempt]);
  const retry = useCallback(() => {
    setVoices({ state: "loading" });
    setAttempt((n) => n + 1);
  }, []);
  return { voices, retry };
}

export type Preview = { voice: string } & (
  | { state: "loading" }
  | { state: "error"; error: ErrorInfo }
  | { state: "ready"; url: string }
);

/** A short sentence in one voice, to hear before composing. */
export function useVoicePreview() {
  const [preview, setPreview] = useState<Preview | null>(null);
  const play = useCallback(async (voice: string) => {
    setPreview({ voice, state: "loading" });
    try {
      const { audio_url } = await previewVoice(voice);
      setPreview((now) => (now?.voice === voice ? { voice, state: "ready", url: audio_url } : now));
    } catch (error) {
      setPreview((now) => (now?.voice === voice ? { voice, state: "error", error: toErrorInfo(error) } : now));
    }
  }, []);
  return { preview, play };
}
