"use client";

import { useChat } from "@ai-sdk/react";
import { DefaultChatTransport, type UIMessage } from "ai";
import { useEffect, useMemo } from "react";

import { CHAT_ENDPOINT } from "@/lib/api/director";
import { useAppStore } from "@/store/appStore";
import type { BriefSynthesis } from "@/types/vision.types";

/** Chat messages as the director sends them: text, plus a `data-brief` part per reply. */
export type StudioMessage = UIMessage<never, { brief: BriefSynthesis }>;

/**
 * The vision chat: `useChat` against the backend director. Each reply ends with the brief the
 * conversation has settled so far, which goes straight into the store; the transcript is saved
 * after every finished turn so a reload resumes the conversation.
 */
export function useVisionChat() {
  const chatId = useAppStore((s) => s.chatId);
  const savedMessages = useAppStore((s) => s.chatMessages) as StudioMessage[];
  const applyBriefSynthesis = useAppStore((s) => s.applyBriefSynthesis);
  const setChatMessages = useAppStore((s) => s.setChatMessages);

  const transport = useMemo(
    () => new DefaultChatTransport<StudioMessage>({ api: CHAT_ENDPOINT }),
    [],
  );
  const chat = useChat<StudioMessage>({
    id: chatId,
    messages: savedMessages,
    transport,
    onData: (part) => {
      if (part.type === "data-brief") applyBriefSynthesis(part.data);
    },
  });

  const { messages, status } = chat;
  useEffect(() => {
    if (status === "ready" || status === "error") setChatMessages(messages);
  }, [messages, status, setChatMessages]);

  return chat;
}
