"use client";

import { useEffect, useRef } from "react";
import { Bot, Sparkles, User } from "lucide-react";

import { RequestError } from "@/components/studio/RequestError";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { type StudioMessage, useVisionChat } from "@/hooks/useVisionChat";
import { env } from "@/lib/env";
import { toErrorInfo } from "@/lib/errors";
import { cn } from "@/lib/utils";
import type { ErrorInfo } from "@/types/shared.types";

import { VisionPrompt } from "./VisionPrompt";

const STARTERS = [
  "A luxury vitamin C serum for women 30–50 who want radiant skin",
  "A sugar-free energy drink for gamers and night-shift workers",
  "Lightweight trail running shoes for weekend adventurers",
];

/** A failed chat request in words, through the studio's one error parser: a refusal keeps the
 * backend's code and sentence, a fetch that never reached the backend says where it tried. */
export function chatError(error: Error): ErrorInfo {
  return toErrorInfo(error, env.apiUrl, "chat_failed");
}

function messageText(message: StudioMessage): string {
  return message.parts.map((part) => (part.type === "text" ? part.text : "")).join("");
}

function ChatBubble({ message }: { message: StudioMessage }) {
  const mine = message.role === "user";
  const text = messageText(message);
  if (!text) return null;
  return (
    <li className={cn("flex gap-2", mine && "flex-row-reverse")} data-role={message.role}>
      <span
        aria-hidden
        className={cn(
          "mt-0.5 flex size-7 shrink-0 items-center justify-center rounded-full",
          mine ? "bg-primary text-primary-foreground" : "bg-accent text-accent-foreground",
        )}
      >
        {mine ? <User className="size-4" /> : <Bot className="size-4" />}
      </span>
      <div
        className={cn(
          "max-w-[85%] rounded-2xl px-3.5 py-2 text-sm leading-relaxed whitespace-pre-wrap",
          mine ? "rounded-tr-sm bg-primary text-primary-foreground" : "rounded-tl-sm bg-muted",
        )}
      >
        <span className="sr-only">{mine ? "You: " : "Director: "}</span>
        {text}
      </div>
    </li>
  );
}

/** The conversation with the director, streamed as it is written. */
export function ChatInterface() {
  const { messages, sendMessage, status, error, failure, regenerate, clearError, stop } =
    useVisionChat();
  const busy = status === "submitted" || status === "streaming";
  const endRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    endRef.current?.scrollIntoView?.({ block: "end", behavior: "smooth" });
  }, [messages]);

  const send = (text: string) => {
    if (error) clearError();
    void sendMessage({ text });
  };

  return (
    <Card className="flex h-[32rem] flex-col gap-0 overflow-hidden py-0 lg:h-[clamp(28rem,calc(100dvh-14rem),40rem)]">
      <div
        className="flex-1 overflow-y-auto px-4 py-4 outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
        role="log"
        aria-live="polite"
        aria-label="Conversation"
        // A scrolling region must be reachable by keyboard to be scrolled without a mouse.
        tabIndex={0}
      >
        {messages.length === 0 ? (
          <div className="flex h-full flex-col items-center justify-center gap-4 text-center">
            <Sparkles className="size-8 text-brand" aria-hidden />
            <div>
              <p className="font-medium">What are we advertising?</p>
              <p className="text-sm text-muted-foreground">
                Describe your product in a sentence, or start from an example.
              </p>
            </div>
            <div className="flex max-w-md flex-col gap-2">
              {STARTERS.map((starter) => (
                <Button
                  key={starter}
                  variant="outline"
                  className="h-auto py-2 text-left whitespace-normal"
                  onClick={() => send(starter)}
                >
                  {starter}
                </Button>
              ))}
            </div>
          </div>
        ) : (
          <ol className="flex flex-col gap-3">
            {messages.map((message) => (
              <ChatBubble key={message.id} message={message} />
            ))}
            {status === "submitted" && (
              <li className="flex gap-2 text-sm text-muted-foreground" role="status">
                <Bot className="size-4" aria-hidden /> The director is thinking…
              </li>
            )}
          </ol>
        )}
        <div ref={endRef} />
      </div>
      {error && (
        <div className="border-t px-4 py-3">
          <RequestError
            title="The director could not answer"
            error={failure ?? chatError(error)}
            onRetry={() => {
              clearError();
              void regenerate();
            }}
          />
        </div>
      )}
      <VisionPrompt busy={busy} onSend={send} onStop={stop} />
    </Card>
  );
}
