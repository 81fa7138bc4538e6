import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, test } from "vitest";

import { CompositionStep } from "@/components/composition/CompositionStep";
import { MoodGallery } from "@/components/moods/MoodGallery";
import { Storyboard } from "@/components/scenes/Storyboard";
import { useAppStore } from "@/store/appStore";
import { briefKey, clipsKey } from "@/store/keys";
import { stepUnlocked } from "@/store/selectors";

import {
  BRIEF,
  clip,
  jsonResponse,
  mood,
  SCENES,
  seedStudio,
  seedUrl,
  startClips,
  stubBackend,
} from "./fixtures";

const store = () => useAppStore.getState();

describe("Re-plan", () => {
  test("asks before replacing an edited storyboard, and Cancel keeps the edit", async () => {
    const user = userEvent.setup();
    seedStudio();
    store().editSceneDescription(2, "My own idea");
    const calls = stubBackend({});
    render(<Storyboard />);

    await user.click(screen.getByRole("button", { name: "Re-plan" }));
    const dialog = screen.getByRole("alertdialog", { name: "Replace your storyboard?" });
    expect(dialog).toHaveTextContent("replaces your edited scenes");
    expect(screen.getByRole("button", { name: "Cancel" })).toHaveFocus();
    await user.click(screen.getByRole("button", { name: "Cancel" }));

    expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument();
    expect(calls).toEqual([]);
    expect(store().scenePlan?.scenes[1]?.description).toBe("My own idea");
  });

  test("confirmed, a different plan replaces the storyboard", async () => {
    const user = userEvent.setup();
    seedStudio();
    store().editSceneDescription(2, "My own idea");
    const other = SCENES.map((s) => ({ ...s, description: `${s.description}, at dusk` }));
    stubBackend({
      "POST /api/scenes/plan": () => jsonResponse({ scene_plan: { total_duration: 30, scenes: other } }),
      "POST /api/scenes/seeds": () =>
        jsonResponse({
          scenes_with_seeds: other.map((s) => ({ ...s, seed_image_url: seedUrl(s.scene_number, 1) })),
        }),
    });
    render(<Storyboard />);
    await user.click(screen.getByRole("button", { name: "Re-plan" }));
    await user.click(screen.getByRole("button", { name: "Re-plan anyway" }));
    await waitFor(() =>
      expect(store().scenePlan?.scenes[1]).toMatchObject({
        description: other[1]!.description,
        seed_image_url: seedUrl(2, 1),
      }),
    );
    expect(screen.queryByText(/planned the same storyboard/)).not.toBeInTheDocument();
  });

  test("when the director plans the same storyboard again, it says so and keeps the user's", async () => {
    const user = userEvent.setup();
    seedStudio();
    store().editSceneDescription(2, "My own idea");
    const calls = stubBackend({
      "POST /api/scenes/plan": () => jsonResponse({ scene_plan: { total_duration: 30, scenes: SCENES } }),
    });
    render(<Storyboard />);
    await user.click(screen.getByRole("button", { name: "Re-plan" }));
    await user.click(screen.getByRole("button", { name: "Re-plan anyway" }));
    expect(await screen.findByRole("status")).toHaveTextContent(
      "The director planned the same storyboard again, so yours is unchanged.",
    );
    expect(store().scenePlan?.scenes[1]?.description).toBe("My own idea");
    expect(store().scenePlan?.scenes.every((s) => s.seed_image_url)).toBe(true);
    expect(calls.map((c) => c.url)).toEqual(["/api/scenes/plan"]);
  });

  test("an unedited storyboard is re-planned without a question", async () => {
    const user = userEvent.setup();
    seedStudio();
    const calls = stubBackend({
      "POST /api/scenes/plan": () => jsonResponse({ scene_plan: { total_duration: 30, scenes: SCENES } }),
    });
    render(<Storyboard />);
    await user.click(screen.getByRole("button", { name: "Re-plan" }));
    expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument();
    await waitFor(() => expect(calls).toHaveLength(1));
  });
});

describe("New moods", () => {
  test("earlier sets stay browsable, and the chosen mood keeps the later steps open", async () => {
    const user = userEvent.setup();
    seedStudio();
    const next = [mood("mood-d", "Neon Night"), mood("mood-e", "Desert Dawn"), mood("mood-f", "Sea Glass")];
    stubBackend({ "POST /api/moods/generate": () => jsonResponse({ moods: next }) });
    render(<MoodGallery />);

    await user.click(screen.getByRole("button", { name: "New moods" }));
    await screen.findByText("Neon Night");
    expect(stepUnlocked(store(), 4)).toBe(true);
    expect(screen.getByRole("button", { name: "Plan the storyboard" })).toBeEnabled();

    const sets = screen.getByRole("group", { name: "Mood sets" });
    expect(screen.getByRole("button", { name: "Set 2" })).toHaveAttribute("aria-pressed", "true");
    await user.click(screen.getByRole("button", { name: "Set 1" }));
    expect(sets).toBeInTheDocument();
    expect(screen.getByText("Minimalist Gold Elegance")).toBeInTheDocument();
    expect(screen.getAllByTestId("mood-card")[0]).toHaveAttribute("data-selected", "true");
    expect(store().moodsKey).toBe(null);
    expect(briefKey(BRIEF)).toBeTruthy();
  });
});

describe("Compose again", () => {
  test("a failure keeps the finished ad on screen, with the error beside it", () => {
    seedStudio();
    const clips = [1, 2, 3, 4, 5].map((n) => clip(n, "complete"));
    startClips("job-1", clips);
    const done = {
      job_id: "compose-1",
      status: "complete" as const,
      progress: 100,
      final_video_url: "http://localhost:8000/media/ads/a.mp4",
      duration: 30,
      audio_url: null,
      error: null,
    };
    store().startComposeJob("compose-1", clipsKey(clips));
    store().applyComposeStatus(done);
    store().startComposeJob("compose-2", clipsKey(clips));
    store().applyComposeStatus({
      ...done,
      job_id: "compose-2",
      status: "failed",
      final_video_url: null,
      error: { code: "render_failed", message: "FFmpeg stopped part-way." },
    });
    render(<CompositionStep />);
    expect(screen.getByRole("alert")).toHaveTextContent("FFmpeg stopped part-way.");
    expect(screen.getByTestId("final-video")).toBeInTheDocument();
    expect(screen.queryByText("Nothing composed yet.")).not.toBeInTheDocument();
  });
});
