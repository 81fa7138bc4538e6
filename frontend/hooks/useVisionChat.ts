"use client";

import { useChat } from "@ai-sdk/react";
import { DefaultChatTransport, type UIMessage } from "ai";
import { useEffect, useState } from "react";

import { apiFetch } from "@/lib/api/client";
import { CHAT_ENDPOINT } from "@/lib/api/director";
import { recorded } from "@/lib/api/recording";
import { useAppStore } from "@/store/appStore";
import type { ErrorInfo } from "@/types/shared.types";
import type { BriefSynthesis, CreativeBrief } from "@/types/vision.types";

/**
 * Chat messages as the director sends them: text, plus a `data-brief` part per reply; a turn
 * that fails sends a transient `data-error` part (`{code, message}`) before the stream's error.
 */
export type StudioMessage = UIMessage<never, { brief: BriefSynthesis; error: ErrorInfo }>;

/**
 * A transport that sends the brief as the panel shows it with every request (read when the
 * request is sent, so fields typed by hand are included) and remembers the brief it sent.
 */
function briefTransport() {
  let sent: CreativeBrief | null = null;
  const transport = new DefaultChatTransport<StudioMessage>({
    api: CHAT_ENDPOINT,
    // A refusal (a 422, a 413) goes through the studio's error parser, not shown as its body.
    // The turn is recorded in the current project (made now if this is the first real work).
    fetch: (input, init) => recorded(String(input), (url) => apiFetch()(url, init)),
    body: () => {
      sent = useAppStore.getState().creativeBrief;
      return { creative_brief: sent };
    },
  });
  return { transport, lastSent: () => sent };
}

/**
 * The vision chat: `useChat` against the backend director. The director starts from the brief
 * each request carries and changes a field only when the message asks; each reply ends with
 * the brief it settled, which the panel shows as it is (a field typed while the director
 * answered keeps the typing). The transcript is saved after every finished turn so a reload
 * resumes the conversation.
 */
export function useVisionChat() {
  const chatId = useAppStore((s) => s.chatId);
  const savedMessages = useAppStore((s) => s.chatMessages) as StudioMessage[];
  const applyBriefSynthesis = useAppStore((s) => s.applyBriefSynthesis);
  const setChatMessages = useAppStore((s) => s.setChatMessages);
  const [{ transport, lastSent }] = useState(briefTransport);
  // The backend's code and sentence for the last failed turn: `useChat`'s own error keeps
  // only the text, and the studio shows codes the same way for every request.
  const [failure, setFailure] = useState<ErrorInfo | null>(null);

  const chat = useChat<StudioMessage>({
    id: chatId,
    messages: savedMessages,
    transport,
    onData: (part) => {
      if (part.type === "data-brief") applyBriefSynthesis(part.data, lastSent());
      if (part.type === "data-error") setFailure(part.data);
    },
  });

  const { messages, status } = chat;
  useEffect(() => {
    if (status === "ready" || status === "error") setChatMessages(messages);
  }, [messages, status, setChatMessages]);

  const { sendMessage, regenerate, clearError } = chat;
  return {
    ...chat,
    /** The failed turn's code and sentence, when the backend sent them. */
    failure: chat.error ? failure : null,
    clearError: () => {
      setFailure(null);
      clearError();
    },
    sendMessage: (...args: Parameters<typeof sendMessage>) => {
      setFailure(null);
      return sendMessage(...args);
    },
    regenerate: (...args: Parameters<typeof regenerate>) => {
      setFailure(null);
      return regenerate(...args);
    },
  };
}
