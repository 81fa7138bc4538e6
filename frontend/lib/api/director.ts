import { env } from "@/lib/env";

/** Where `useChat` posts: the backend director speaks the AI SDK's UI message stream. */
export const CHAT_ENDPOINT = `${env.apiUrl}/api/director/chat`;
