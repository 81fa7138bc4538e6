import { act, render, renderHook, screen, waitFor } from "@testing-library/react";
import { describe, expect, test } from "vitest";

import { chatError } from "@/components/vision/ChatInterface";
import { CreativeBriefSummary } from "@/components/vision/CreativeBriefSummary";
import { useVisionChat } from "@/hooks/useVisionChat";
import { useAppStore } from "@/store/appStore";
import type { BriefSynthesis, CreativeBrief } from "@/types/vision.types";

import { BRIEF, deferred, jsonResponse, stubBackend } from "./fixtures";

const store = () => useAppStore.getState();

/** A director reply as the backend streams it: text, then the brief it settled. */
function reply(text: string, brief: CreativeBrief): Response {
  const synthesis: BriefSynthesis = { creative_brief: brief, missing_fields: [], complete: true };
  const parts = [
    { type: "start", messageId: "msg-1" },
    { type: "text-start", id: "text-1" },
    { type: "text-delta", id: "text-1", delta: text },
    { type: "text-end", id: "text-1" },
    { type: "data-brief", data: synthesis },
    { type: "finish" },
  ];
  const body = [...parts.map((part) => `data: ${JSON.stringify(part)}\n\n`), "data: [DONE]\n\n"].join("");
  return new Response(body, {
    headers: { "content-type": "text/event-stream", "x-vercel-ai-ui-message-stream": "v1" },
  });
}

/** A turn that fails as the backend reports it: a `data-error` part, then the stream's error. */
function failedTurn(code: string, message: string): Response {
  const parts = [
    { type: "start", messageId: "msg-2" },
    { type: "data-error", data: { code, message }, transient: true },
    { type: "error", errorText: message },
    { type: "finish" },
  ];
  const body = [...parts.map((part) => `data: ${JSON.stringify(part)}\n\n`), "data: [DONE]\n\n"].join("");
  return new Response(body, {
    headers: { "content-type": "text/event-stream", "x-vercel-ai-ui-message-stream": "v1" },
  });
}

function chatWithBrief() {
  store().applyBriefSynthesis({ creative_brief: BRIEF, missing_fields: [], complete: true });
  render(<CreativeBriefSummary />);
  return renderHook(() => useVisionChat());
}

describe("useVisionChat", () => {
  test("every request carries the brief as the panel shows it, fields typed by hand included", async () => {
    const calls = stubBackend({
      "POST /api/director/chat": () => reply("Got it.", { ...BRIEF, emotional_tone: ["playful"] }),
    });
    const { result } = chatWithBrief();
    act(() => store().editBriefField("target_audience", "Students"));

    await act(() => result.current.sendMessage({ text: "Make it playful" }));
    await waitFor(() => expect(result.current.status).toBe("ready"));

    const body = calls[0]!.body as { creative_brief: CreativeBrief; messages: unknown[] };
    expect(body.creative_brief).toEqual({ ...BRIEF, target_audience: "Students" });
    expect(body.messages).toHaveLength(1);
  });

  test("asking in chat to change a field typed by hand changes it in the panel", async () => {
    stubBackend({
      "POST /api/director/chat": () =>
        reply("Got it, we're now speaking to couples from London.", {
          ...BRIEF,
          target_audience: "Couples from London",
        }),
    });
    const { result } = chatWithBrief();
    act(() => store().editBriefField("target_audience", "Students"));
    expect(screen.getByLabelText("Audience")).toHaveValue("Students");

    await act(() => result.current.sendMessage({ text: "no wait, go back to couples from London" }));
    await waitFor(() => expect(screen.getByLabelText("Audience")).toHaveValue("Couples from London"));
    expect(store().creativeBrief?.target_audience).toBe("Couples from London");
  });

  test("a field typed while the director answers keeps the typing; the rest is the director's", async () => {
    const answer = deferred<Response>();
    stubBackend({ "POST /api/director/chat": () => answer.promise });
    const { result } = chatWithBrief();

    await act(async () => {
      void result.current.sendMessage({ text: "Make it playful" });
    });
    await waitFor(() => expect(result.current.status).toBe("submitted"));
    act(() => store().editBriefField("product_name", "Glow Drops Serum"));
    answer.resolve(reply("Playful it is.", { ...BRIEF, emotional_tone: ["playful"] }));

    await waitFor(() => expect(store().creativeBrief?.emotional_tone).toEqual(["playful"]));
    expect(store().creativeBrief?.product_name).toBe("Glow Drops Serum");
    expect(screen.getByLabelText("Product")).toHaveValue("Glow Drops Serum");
  });

  test("a refused turn keeps the backend's code and sentence, and a new message clears them", async () => {
    const refusal = "gpt-4o declined to answer: I can't help with that. Try saying it another way.";
    stubBackend({ "POST /api/director/chat": () => failedTurn("provider_refused", refusal) });
    const { result } = chatWithBrief();

    await act(() => result.current.sendMessage({ text: "Say something rude" }));
    await waitFor(() => expect(result.current.status).toBe("error"));
    expect(result.current.failure).toEqual({ code: "provider_refused", message: refusal });

    act(() => result.current.clearError());
    expect(result.current.failure).toBeNull();
  });

  test("a refused chat request (422) shows a sentence, not the JSON the backend sent", async () => {
    stubBackend({
      "POST /api/director/chat": () =>
        jsonResponse(
          {
            detail: [{ loc: ["body", "messages"], msg: "Input should be a valid list", type: "list_type" }],
            code: "validation_error",
            message: "Some of the request does not fit the API's schema (messages: Input should be a valid list).",
          },
          { status: 422 },
        ),
    });
    const { result } = chatWithBrief();

    await act(() => result.current.sendMessage({ text: "Hello" }));
    await waitFor(() => expect(result.current.status).toBe("error"));
    const shown = chatError(result.current.error!);
    expect(shown).toEqual({ code: "validation_error", message: "messages: Input should be a valid list" });
  });
});
