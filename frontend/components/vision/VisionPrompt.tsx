"use client";

import { useState } from "react";
import { SendHorizontal, Square } from "lucide-react";

import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/textarea";

/** The message box: Enter sends, Shift+Enter breaks the line. */
export function VisionPrompt({
  busy,
  onSend,
  onStop,
}: {
  busy: boolean;
  onSend: (text: string) => void;
  onStop: () => void;
}) {
  const [text, setText] = useState("");
  const submit = () => {
    const message = text.trim();
    if (!message || busy) return;
    onSend(message);
    setText("");
  };

  return (
    <form
      className="flex items-end gap-2 border-t bg-card p-3"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <label htmlFor="vision-prompt" className="sr-only">
        Message the creative director
      </label>
      <Textarea
        id="vision-prompt"
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
            event.preventDefault();
            submit();
          }
        }}
        placeholder="Tell the director about your product…"
        rows={1}
        className="max-h-40 min-h-10 resize-none"
      />
      {busy ? (
        <Button type="button" size="icon" variant="outline" onClick={onStop} aria-label="Stop">
          <Square aria-hidden />
        </Button>
      ) : (
        <Button type="submit" size="icon" disabled={!text.trim()} aria-label="Send message">
          <SendHorizontal aria-hidden />
        </Button>
      )}
    </form>
  );
}
