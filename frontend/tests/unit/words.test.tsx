import { act, render, renderHook, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, test } from "vitest";

import { CaptionDownloads } from "@/components/composition/CaptionDownloads";
import { CaptionsSwitch } from "@/components/composition/CaptionsSwitch";
import { VoicePicker } from "@/components/composition/VoicePicker";
import { ClipGeneration } from "@/components/generation/ClipGeneration";
import { SceneCard } from "@/components/scenes/SceneCard";
import { useVideoComposition } from "@/hooks/useVideoComposition";
import { composeBody } from "@/lib/api/video";
import { lineFits } from "@/lib/script";
import { useAppStore } from "@/store/appStore";
import { handEdits } from "@/store/project";
import { finalWordsStale, storyboardEdited } from "@/store/selectors";
import type { ComposeRequest } from "@/types/video.types";

import { BRIEF, clip, jsonResponse, seedStudio, startClips, stubBackend } from "./fixtures";

const store = () => useAppStore.getState();
const MOOD = { style_name: "Gold", style_keywords: ["gold"], color_palette: ["#D4AF37"] };
const LONG_LINE = Array(20).fill("word").join(" "); // 8 s of speech; a 6 s middle scene leaves 5.1 s

const VOICES = {
  voices: [
    { id: "joe", name: "Joe", language: "en-US", provider: "local" },
    { id: "espeak", name: "eSpeak NG", language: "en-US", provider: "local" },
    { id: "none", name: "No voice (music only)", language: "zxx", provider: "none" },
  ],
  default: "joe",
};

function readyToCompose() {
  seedStudio();
  startClips("job-1", [1, 2, 3, 4, 5].map((n) => clip(n, "complete")));
}

/** A scene card fed from the store, with its line's fit, as the storyboard renders it. */
function StoreSceneCard({ n }: { n: number }) {
  const scenes = useAppStore((s) => s.scenePlan!.scenes);
  const fits = lineFits(
    scenes.map((s) => s.voiceover ?? ""),
    scenes.map((s) => s.duration),
  );
  return <SceneCard scene={scenes[n - 1]!} seedsLoading={false} onRepaint={() => {}} fit={fits[n - 1]} />;
}

describe("the scenes' words in the store", () => {
  test("edits of a title, a line and the call to action stay in the plan and go to the project", () => {
    seedStudio();
    store().editSceneWords(2, "on_screen_text", "Pure gold");
    store().editSceneWords(2, "voiceover", "Ten drops of pure light.");
    store().editCallToAction("Shop at glow.com");
    const scene = store().scenePlan!.scenes[1]!;
    expect([scene.on_screen_text, scene.voiceover]).toEqual(["Pure gold", "Ten drops of pure light."]);
    expect(storyboardEdited(store())).toBe(true);
    const saved = handEdits(store()).scene_plan!;
    expect(saved.call_to_action).toBe("Shop at glow.com");
    expect(saved.scenes[1]).toMatchObject({ on_screen_text: "Pure gold", voiceover: "Ten drops of pure light." });
  });
});

describe("the compose request", () => {
  test("carries each clip's title and line, the call to action, the captions switch and the voice", () => {
    const clips = [1, 2].map((n) => clip(n, "complete"));
    const body = composeBody(clips, MOOD, BRIEF, ["9:16"], {
      scenes: [
        { scene_number: 2, on_screen_text: " Pure gold ", voiceover: "Ten drops." },
        { scene_number: 1, voiceover: "" },
      ],
      call_to_action: "Shop now ",
      voice: "espeak",
      captions: false,
    });
    expect(body.clips.map(({ scene_number, on_screen_text, voiceover }) => [scene_number, on_screen_text, voiceover])).toEqual([
      [1, "", ""],
      [2, "Pure gold", "Ten drops."],
    ]);
    expect(body).toMatchObject({ call_to_action: "Shop now", captions: false, voice: "espeak" });
  });

  test("leaves the voice out for the server's default", () => {
    const body = composeBody([clip(1, "complete")], MOOD, BRIEF, ["9:16"], { scenes: [], voice: null, captions: true });
    expect("voice" in body).toBe(false);
    expect(body.captions).toBe(true);
  });

  test("start() sends the storyboard's words and the step's choices", async () => {
    readyToCompose();
    store().editSceneWords(1, "voiceover", "Look closer.");
    store().setComposeVoice("none");
    store().setComposeCaptions(false);
    const calls = stubBackend({
      "POST /api/video/compose": () => jsonResponse({ job_id: "compose-1", status: "processing" }),
    });
    const { result } = renderHook(() => useVideoComposition());
    await act(() => result.current.start());
    const body = calls[0]!.body as ComposeRequest;
    expect(body.clips[0]!.voiceover).toBe("Look closer.");
    expect([body.voice, body.captions]).toEqual(["none", false]);
  });

  test("a 422 about a line shows beside that scene's voiceover, and editing the line clears it", async () => {
    readyToCompose();
    store().editSceneWords(3, "voiceover", LONG_LINE);
    const refusal = "Scene 3's voiceover needs about 8.0 s at a natural pace, but the scene leaves 5.1 s.";
    stubBackend({
      "POST /api/video/compose": () =>
        jsonResponse(
          {
            code: "validation_error",
            message: "Some of the request does not fit.",
            detail: [{ loc: ["body", "clips", 2, "voiceover"], msg: refusal, type: "line_too_long" }],
          },
          { status: 422 },
        ),
    });
    const { result } = renderHook(() => useVideoComposition());
    await act(() => result.current.start());
    const user = userEvent.setup({ delay: null });
    render(<StoreSceneCard n={3} />);
    expect(screen.getByTestId("line-refused")).toHaveTextContent(refusal);
    expect(screen.getByLabelText("Voiceover")).toHaveAttribute("aria-invalid", "true");

    await user.type(screen.getByLabelText("Voiceover"), "!");
    expect(screen.queryByTestId("line-refused")).not.toBeInTheDocument();
  });
});

describe("SceneCard words", () => {
  test("typing a line shows how it fits; too long, by how much and what to cut", async () => {
    seedStudio();
    const user = userEvent.setup({ delay: null });
    render(<StoreSceneCard n={2} />);
    const line = screen.getByLabelText("Voiceover");
    await user.type(line, "Ten drops of pure light.");
    expect(screen.getByTestId("line-fit")).toHaveTextContent("About 2.0 s of the 5.1 s this scene leaves.");
    await user.clear(line);
    await user.click(line);
    await user.paste(LONG_LINE);
    expect(screen.getByTestId("line-overrun")).toHaveTextContent("2.9 s too long");
    expect(screen.getByTestId("line-overrun")).toHaveTextContent("Cut about 8 words");
    expect(line).toHaveAttribute("aria-invalid", "true");
    expect(store().scenePlan!.scenes[1]!.voiceover).toBe(LONG_LINE);
  });

  test("the on-screen text is edited in place, within the backend's length", async () => {
    seedStudio();
    const user = userEvent.setup({ delay: null });
    render(<StoreSceneCard n={1} />);
    const title = screen.getByLabelText("On-screen text");
    await user.type(title, "Natural glow");
    expect(store().scenePlan!.scenes[0]!.on_screen_text).toBe("Natural glow");
    expect(title).toHaveAttribute("maxLength", "200");
  });
});

describe("VoicePicker", () => {
  test("lists the voices with the default chosen, and keeps the user's pick", async () => {
    stubBackend({ "GET /api/voices": () => jsonResponse(VOICES) });
    const user = userEvent.setup({ delay: null });
    render(<VoicePicker />);
    const select = await screen.findByLabelText("Voice");
    expect(select).toHaveValue("joe");
    expect(within(select).getAllByRole("option").map((o) => o.textContent)).toEqual([
      "Joe (default) · en-US · local",
      "eSpeak NG · en-US · local",
      "No voice (music only)",
    ]);
    await user.selectOptions(select, "none");
    expect(store().composeVoice).toBe("none");
    expect(screen.getByRole("button", { name: "Hear a preview of the voice" })).toBeDisabled();
    await user.selectOptions(select, "joe");
    expect(store().composeVoice).toBeNull();
  });

  test("a preview plays the URL the backend answers; a failed one says why with a retry", async () => {
    let fail = true;
    const calls = stubBackend({
      "GET /api/voices": () => jsonResponse(VOICES),
      "POST /api/voices/preview": () =>
        fail
          ? jsonResponse({ code: "render_failed", message: "The voice wrote no audio." }, { status: 500 })
          : jsonResponse({ voice: "espeak", audio_url: "http://localhost:8000/media/voice-previews/a.wav", cached: false }),
    });
    const user = userEvent.setup({ delay: null });
    render(<VoicePicker />);
    await user.selectOptions(await screen.findByLabelText("Voice"), "espeak");
    await user.click(screen.getByRole("button", { name: "Hear a preview of the voice" }));
    expect(await screen.findByText("The voice wrote no audio.")).toBeInTheDocument();
    fail = false;
    await user.click(screen.getByRole("button", { name: "Try again" }));
    await waitFor(() =>
      expect(screen.getByTestId("voice-preview")).toHaveAttribute("src", "http://localhost:8000/media/voice-previews/a.wav"),
    );
    expect(calls.filter((c) => c.method === "POST").map((c) => c.body)).toEqual([{ voice: "espeak" }, { voice: "espeak" }]);
  });

  test("the voices not loading is an error with a retry", async () => {
    let calls = 0;
    stubBackend({
      "GET /api/voices": () =>
        ++calls === 1 ? jsonResponse({ code: "internal_error", message: "Down." }, { status: 500 }) : jsonResponse(VOICES),
    });
    const user = userEvent.setup({ delay: null });
    render(<VoicePicker />);
    await user.click(await screen.findByRole("button", { name: "Try again" }));
    expect(await screen.findByLabelText("Voice")).toHaveValue("joe");
  });
});

describe("choosing the voice and captions before the first compose", () => {
  test("the clips step offers them, since arriving at the last step composes at once", async () => {
    readyToCompose();
    const calls = stubBackend({
      "GET /api/voices": () => jsonResponse(VOICES),
      "POST /api/video/compose": () => jsonResponse({ job_id: "compose-1", status: "processing" }),
    });
    const user = userEvent.setup({ delay: null });
    render(<ClipGeneration />);
    const settings = screen.getByTestId("compose-settings");
    await user.selectOptions(await within(settings).findByLabelText("Voice"), "none");
    await user.click(within(settings).getByRole("switch", { name: "Captions" }));

    const { result } = renderHook(() => useVideoComposition());
    await act(() => result.current.start());
    const body = calls.find((c) => c.url === "/api/video/compose")!.body as ComposeRequest;
    expect([body.voice, body.captions]).toEqual(["none", false]);
  });
});

describe("captions", () => {
  test("the switch turns captions off and on", async () => {
    const user = userEvent.setup({ delay: null });
    render(<CaptionsSwitch />);
    const toggle = screen.getByRole("switch", { name: "Captions" });
    expect(toggle).toHaveAttribute("aria-checked", "true");
    await user.click(toggle);
    expect(store().composeCaptions).toBe(false);
    expect(toggle).toHaveAttribute("aria-checked", "false");
  });

  test("the finished ad keeps its captions, offered as .vtt and .srt downloads", () => {
    readyToCompose();
    store().startComposeJob("compose-1", "k", "words");
    store().applyComposeStatus({
      job_id: "compose-1",
      status: "complete",
      progress: 100,
      final_video_url: "http://localhost:8000/media/final/ad.mp4",
      duration: 30,
      audio_url: null,
      error: null,
      captions_url: "http://localhost:8000/media/final/ad.vtt",
      captions_srt_url: "http://localhost:8000/media/final/ad.srt",
    });
    const ad = store().composeJob.output!;
    render(<CaptionDownloads vttUrl={ad.captions_url} srtUrl={ad.captions_srt_url} productName="Glow Drops" />);
    const vtt = new URL(screen.getByTestId("captions-vtt").getAttribute("href")!);
    expect(vtt.pathname).toBe("/media/final/ad.vtt");
    expect(vtt.searchParams.get("download")).toBe("glow-drops-ad.vtt");
    expect(screen.getByTestId("captions-srt")).toHaveAttribute("download", "glow-drops-ad.srt");
  });

  test("no captions, no links", () => {
    const { container } = render(<CaptionDownloads vttUrl={null} srtUrl={null} />);
    expect(container).toBeEmptyDOMElement();
  });
});

describe("a final ad whose words changed", () => {
  test("is stale once a line, the voice or the captions differ from what was composed", async () => {
    readyToCompose();
    stubBackend({
      "POST /api/video/compose": () => jsonResponse({ job_id: "compose-1", status: "processing" }),
    });
    const { result } = renderHook(() => useVideoComposition());
    await act(() => result.current.start());
    store().applyComposeStatus({
      job_id: "compose-1", status: "complete", progress: 100, error: null,
      final_video_url: "http://localhost:8000/media/final/ad.mp4", duration: 30, audio_url: null,
    });
    expect(finalWordsStale(store())).toBe(false);
    store().editSceneWords(1, "voiceover", "Look closer.");
    expect(finalWordsStale(store())).toBe(true);
    store().editSceneWords(1, "voiceover", "");
    store().setComposeCaptions(false);
    expect(finalWordsStale(store())).toBe(true);
  });
});
