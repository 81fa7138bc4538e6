import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, test, vi } from "vitest";

import { adFileName, DownloadButton } from "@/components/composition/DownloadButton";
import { FormatPicker } from "@/components/composition/FormatPicker";
import { ClipGeneration } from "@/components/generation/ClipGeneration";
import { ClipProgress } from "@/components/generation/ClipProgress";
import { chatError } from "@/components/vision/ChatInterface";
import { MoodCard } from "@/components/moods/MoodCard";
import { CostNote } from "@/components/studio/CostNote";
import { RequestError } from "@/components/studio/RequestError";
import { Stepper } from "@/components/studio/Stepper";
import { useAppStore } from "@/store/appStore";

import { BRIEF, clip, finishClips, MOODS, seedStudio, seedUrl, startClips } from "./fixtures";

describe("ClipProgress", () => {
  test("a clip being rendered says so and offers no player", () => {
    render(<ClipProgress clip={clip(2, "processing")} poster={seedUrl(2)} retrying={false} onRetry={vi.fn()} />);
    const card = screen.getByRole("generic", { name: "Scene 2 clip" });
    expect(within(card).getByText("Rendering…")).toBeInTheDocument();
    expect(card.querySelector("video")).toBeNull();
    expect(within(card).queryByRole("button")).not.toBeInTheDocument();
    expect(within(card).getByText("6 s")).toBeInTheDocument();
  });

  test("a finished clip plays from its URL, with the seed as poster", () => {
    const done = clip(2, "complete");
    render(<ClipProgress clip={done} poster={seedUrl(2)} retrying={false} onRetry={vi.fn()} />);
    const video = screen.getByLabelText("Clip for scene 2");
    expect(video.tagName).toBe("VIDEO");
    expect(video).toHaveAttribute("src", done.video_url);
    expect(video).toHaveAttribute("poster", `${seedUrl(2)}?w=640`);
    expect(screen.getByText("Ready")).toBeInTheDocument();
    expect(screen.queryByText("Rendering…")).not.toBeInTheDocument();
  });

  test("a failed clip shows why and retries that scene", async () => {
    const user = userEvent.setup();
    const onRetry = vi.fn();
    render(<ClipProgress clip={clip(3, "failed")} poster={null} retrying={false} onRetry={onRetry} />);
    expect(screen.getByRole("alert")).toHaveTextContent("FFmpeg could not render this clip.");
    expect(screen.getByText("Failed")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Retry scene 3" }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  test("a failure without a reason still says the clip could not be made; no double retry", () => {
    render(
      <ClipProgress clip={{ ...clip(4, "failed"), error: null }} poster={null} retrying onRetry={vi.fn()} />,
    );
    expect(screen.getByRole("alert")).toHaveTextContent("This clip could not be made.");
    expect(screen.getByRole("button", { name: "Retry scene 4" })).toBeDisabled();
  });
});

describe("RequestError", () => {
  test("shows the title and the backend's message, and retries on click", async () => {
    const user = userEvent.setup();
    const onRetry = vi.fn();
    render(
      <RequestError
        title="The moods could not be made"
        error={{ code: "provider_rate_limited", message: "The image provider is busy." }}
        onRetry={onRetry}
      />,
    );
    const alert = screen.getByRole("alert");
    expect(alert).toHaveTextContent("The moods could not be made");
    expect(alert).toHaveTextContent("The image provider is busy.");
    expect(alert).toHaveAttribute("data-error-code", "provider_rate_limited");
    await user.click(screen.getByRole("button", { name: "Try again" }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  test("takes a custom retry label, and offers no button without onRetry", () => {
    const { rerender } = render(
      <RequestError title="Stopped" error={{ code: "render_failed", message: "y" }} onRetry={vi.fn()} retryLabel="Render again" />,
    );
    expect(screen.getByRole("button", { name: "Render again" })).toBeInTheDocument();
    rerender(<RequestError title="Stopped" error={{ code: "render_failed", message: "y" }} />);
    expect(screen.queryByRole("button")).not.toBeInTheDocument();
  });
});

describe("Stepper", () => {
  // Named "Step N: Label" so that a phone, which shows only the current label, still names each.
  const step = (name: string) => screen.getByRole("button", { name: new RegExp(`^Step \\d: ${name}$`) });

  test("every step has an accessible name of its own, whatever is shown", () => {
    render(<Stepper />);
    const names = ["Step 1: Vision", "Step 2: Mood", "Step 3: Storyboard", "Step 4: Clips", "Step 5: Final ad"];
    expect(screen.getAllByRole("button")).toEqual(names.map((name) => screen.getByRole("button", { name })));
  });

  test("steps whose inputs do not exist yet are disabled", () => {
    render(<Stepper />);
    expect(step("Vision")).toBeEnabled();
    for (const name of ["Mood", "Storyboard", "Clips", "Final ad"]) expect(step(name)).toBeDisabled();
  });

  test("unlocks as the work is done, and marks the current step", async () => {
    const user = userEvent.setup();
    seedStudio();
    useAppStore.getState().setCurrentStep(3);
    render(<Stepper />);
    expect(step("Storyboard")).toHaveAttribute("aria-current", "step");
    expect(step("Mood")).not.toHaveAttribute("aria-current");
    expect(step("Clips")).toBeEnabled();
    expect(step("Final ad")).toBeDisabled();

    await user.click(step("Mood"));
    expect(useAppStore.getState().currentStep).toBe(2);
    expect(step("Mood")).toHaveAttribute("aria-current", "step");
    expect(step("Storyboard")).not.toHaveAttribute("aria-current");

    // A disabled step cannot be opened.
    await user.click(step("Final ad"));
    expect(useAppStore.getState().currentStep).toBe(2);

    // Finishing the clips opens the last step, live.
    startClips("job-1", [1, 2, 3, 4, 5].map((n) => clip(n, "processing")));
    expect(step("Final ad")).toBeDisabled();
    act(() => finishClips("job-1", [1, 2, 3, 4, 5].map((n) => clip(n, "complete"))));
    expect(step("Final ad")).toBeEnabled();
  });
});

describe("DownloadButton", () => {
  test("links to the video as an attachment named after the product", () => {
    render(<DownloadButton videoUrl="http://localhost:8000/media/final/ad-1.mp4" productName={BRIEF.product_name} />);
    const link = screen.getByRole("link", { name: "Download MP4" });
    const href = new URL(link.getAttribute("href")!);
    expect(href.pathname).toBe("/media/final/ad-1.mp4");
    expect(href.searchParams.get("download")).toBe("glow-drops-ad.mp4");
    expect(link.getAttribute("href")).toContain("?download=glow-drops-ad.mp4");
    expect(link).toHaveAttribute("download", "glow-drops-ad.mp4");
  });

  test("one button per format, each named for its shape and saving its own file", () => {
    render(
      <>
        <DownloadButton videoUrl="http://localhost:8000/media/ads/a.mp4" productName={BRIEF.product_name} format="9:16" />
        <DownloadButton
          videoUrl="http://localhost:8000/media/ads/b.mp4"
          productName={BRIEF.product_name}
          format="1:1"
          primary={false}
        />
      </>,
    );
    expect(screen.getByRole("link", { name: "Download 9:16 MP4" })).toHaveAttribute("download", "glow-drops-ad.mp4");
    const square = screen.getByRole("link", { name: "Download 1:1 MP4" });
    expect(square).toHaveAttribute("download", "glow-drops-ad-1x1.mp4");
    expect(new URL(square.getAttribute("href")!).pathname).toBe("/media/ads/b.mp4");
    expect(screen.getAllByTestId("download-link")).toHaveLength(1);
  });

  test("adFileName slugs accents, symbols and spaces", () => {
    expect(adFileName("Crème Brûlée Sérum")).toBe("creme-brulee-serum-ad.mp4");
    expect(adFileName("  Glow & Co. — 2025 Edition!  ")).toBe("glow-co-2025-edition-ad.mp4");
    expect(adFileName("ÉCLAT N°5")).toBe("eclat-n-5-ad.mp4");
  });

  test("adFileName falls back to 'reelsmith' when nothing usable is left", () => {
    expect(adFileName(undefined)).toBe("reelsmith-ad.mp4");
    expect(adFileName("")).toBe("reelsmith-ad.mp4");
    expect(adFileName("日本語 ✨")).toBe("reelsmith-ad.mp4");
  });

  test("adFileName caps very long names at 60 characters", () => {
    const name = adFileName("x".repeat(100));
    expect(name).toBe(`${"x".repeat(60)}-ad.mp4`);
  });

  test("a name cut at a word boundary has no doubled dash", () => {
    const name = adFileName(`${"a".repeat(59)} serum`);
    expect(name).not.toContain("--");
    expect(name).toBe(`${"a".repeat(59)}-ad.mp4`);
  });
});

describe("FormatPicker", () => {
  test("ticking a format adds it to the next composition; the last one cannot be unticked", async () => {
    const user = userEvent.setup();
    render(<FormatPicker />);
    const vertical = screen.getByRole("checkbox", { name: /9:16/ });
    expect(vertical).toBeChecked();
    expect(vertical).toBeDisabled();
    await user.click(screen.getByRole("checkbox", { name: /1:1/ }));
    expect(useAppStore.getState().composeFormats).toEqual(["9:16", "1:1"]);
    expect(vertical).toBeEnabled();
  });
});

describe("MoodCard", () => {
  const [gold] = MOODS;

  test("shows the mood's name, reference images, keywords and palette", () => {
    render(<MoodCard mood={gold!} selected={false} onSelect={vi.fn()} />);
    expect(screen.getByText("Minimalist Gold Elegance")).toBeInTheDocument();
    expect(screen.getAllByRole("img", { name: /Minimalist Gold Elegance, reference \d of 4/ })).toHaveLength(4);
    // Each loads a small preview of the reference image, never the full PNG.
    const images = screen.getAllByRole("img", { name: /reference/ });
    expect(images.map((img) => img.getAttribute("src"))).toEqual(
      gold!.reference_images.map((url) => `${url}?w=320`),
    );
    expect(images[0]!.getAttribute("srcset")).toContain(`${gold!.reference_images[0]}?w=160 160w`);
    const keywords = within(screen.getByRole("list", { name: "Keywords" })).getAllByRole("listitem");
    expect(keywords.map((k) => k.textContent)).toEqual(["minimalist", "white", "gold"]);
    const palette = within(screen.getByRole("list", { name: "Colour palette" })).getAllByRole("listitem");
    expect(palette.map((c) => c.textContent)).toEqual(["#FFFFFF", "#D4AF37", "#1A1A1A"]);
  });

  test("clicking the card selects the mood", async () => {
    const user = userEvent.setup();
    const onSelect = vi.fn();
    render(<MoodCard mood={gold!} selected={false} onSelect={onSelect} />);
    const radio = screen.getByRole("radio", { name: "Choose the mood Minimalist Gold Elegance" });
    expect(radio).not.toBeChecked();
    await user.click(radio);
    expect(onSelect).toHaveBeenCalledTimes(1);
  });

  test("a selected mood is checked", () => {
    render(<MoodCard mood={gold!} selected onSelect={vi.fn()} />);
    expect(screen.getByRole("radio", { name: "Choose the mood Minimalist Gold Elegance" })).toBeChecked();
    expect(screen.getByTestId("mood-card")).toHaveAttribute("data-selected", "true");
  });
});

describe("CostNote", () => {
  test("says nothing when only local providers ran", () => {
    const { container } = render(
      <CostNote cost={{ calls: 0, estimated_usd: 0 }} what="This render" />,
    );
    expect(container).toBeEmptyDOMElement();
  });

  test("shows the estimated provider cost of a remote job", () => {
    render(<CostNote cost={{ calls: 6, estimated_usd: 1.5 }} what="This render" />);
    expect(screen.getByTestId("cost-note")).toHaveTextContent(
      "This render: about $1.50 at the providers (6 calls, estimated).",
    );
  });

  test("a clip job's cost arrives with its status and shows on the clips step", () => {
    seedStudio();
    startClips("job-1", [clip(1, "processing"), clip(2, "processing")]);
    act(() =>
      useAppStore.getState().applyClipStatus({
        job_id: "job-1",
        status: "processing",
        progress: 50,
        clips: useAppStore.getState().clipJob.output,
        error: null,
        cost: { calls: 3, estimated_usd: 0.75 },
      }),
    );
    render(<ClipGeneration />);
    expect(screen.getByTestId("cost-note")).toHaveTextContent("This render: about $0.75");
  });
});

describe("chat errors", () => {
  test("a chat that never reached the backend says where it tried", () => {
    const info = chatError(new TypeError("Failed to fetch"));
    expect(info.code).toBe("backend_unreachable");
    expect(info.message).toContain("http://localhost:8000");
  });

  test("an error the backend streamed keeps its own words", () => {
    expect(chatError(new Error("The director is unavailable."))).toEqual({
      code: "chat_failed",
      message: "The director is unavailable.",
    });
  });
});

describe("ClipGeneration says one true thing", () => {
  function halfway() {
    seedStudio();
    startClips("job-1", [1, 2, 3, 4, 5].map((n) => clip(n, "processing")));
    act(() =>
      useAppStore.getState().applyClipStatus({
        job_id: "job-1",
        status: "processing",
        progress: 40,
        clips: [1, 2, 3, 4, 5].map((n) => clip(n, n <= 2 ? "complete" : "processing")),
        error: null,
      }),
    );
  }

  test("while the server is out of reach: lost contact, the last progress, no spinners, never ready", () => {
    halfway();
    act(() =>
      useAppStore.getState().setPollTrouble("clips", { code: "backend_unreachable", message: "Down." }),
    );
    render(<ClipGeneration />);
    expect(
      screen.getByText(
        "Lost contact with the server, retrying… When it last answered, 2 of 5 clips were ready.",
      ),
    ).toBeInTheDocument();
    expect(screen.getByText("40%")).toBeInTheDocument();
    expect(screen.queryByText(/All clips are ready/)).not.toBeInTheDocument();
    expect(screen.queryByText("Rendering…")).not.toBeInTheDocument();
    expect(screen.getAllByText("Waiting for the server")).toHaveLength(3);
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: /Compose the ad/ })).toBeDisabled();
  });

  test("a job the server forgot: one error, the progress it had, clips not rendered, never ready", () => {
    halfway();
    act(() =>
      useAppStore.getState().applyClipStatus({
        job_id: "job-1",
        status: "failed",
        progress: 40,
        clips: useAppStore.getState().clipJob.output,
        error: { code: "job_not_found", message: "The server no longer knows this job." },
      }),
    );
    render(<ClipGeneration />);
    expect(screen.getAllByRole("alert")).toHaveLength(1);
    expect(screen.getByText("Rendering stopped with 2 of 5 clips ready")).toBeInTheDocument();
    expect(screen.getByText("40%")).toBeInTheDocument();
    expect(screen.queryByText(/All clips are ready/)).not.toBeInTheDocument();
    expect(screen.queryByText("Rendering…")).not.toBeInTheDocument();
    expect(screen.getAllByText("Not rendered")).toHaveLength(3);
  });

  test("only a complete job says the clips are ready", () => {
    halfway();
    act(() =>
      useAppStore.getState().applyClipStatus({
        job_id: "job-1",
        status: "complete",
        progress: 100,
        clips: [1, 2, 3, 4, 5].map((n) => clip(n, "complete")),
        error: null,
      }),
    );
    render(<ClipGeneration />);
    expect(screen.getByText("All clips are ready")).toBeInTheDocument();
    expect(screen.getByText("100%")).toBeInTheDocument();
  });
});
