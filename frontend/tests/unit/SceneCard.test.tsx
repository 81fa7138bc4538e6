import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, test, vi } from "vitest";

import { SceneCard } from "@/components/scenes/SceneCard";
import { SceneTimeline } from "@/components/scenes/SceneTimeline";
import { useAppStore } from "@/store/appStore";

import { SCENES, seedStudio, seedUrl } from "./fixtures";

const durations = () => useAppStore.getState().scenePlan!.scenes.map((s) => s.duration);
const total = () => durations().reduce((a, b) => a + b, 0);

/** A scene card fed from the store, as the storyboard renders it. */
function StoreSceneCard({ n, onRepaint, seedsLoading = false }: { n: number; onRepaint: () => void; seedsLoading?: boolean }) {
  const scene = useAppStore((s) => s.scenePlan!.scenes.find((sc) => sc.scene_number === n)!);
  return <SceneCard scene={scene} seedsLoading={seedsLoading} onRepaint={onRepaint} />;
}

function renderCard(n: number, options: { seeded?: boolean; seedsLoading?: boolean } = {}) {
  seedStudio({ seeded: options.seeded ?? true });
  const onRepaint = vi.fn();
  const user = userEvent.setup({ delay: null });
  render(<StoreSceneCard n={n} onRepaint={onRepaint} seedsLoading={options.seedsLoading} />);
  return { onRepaint, user };
}

describe("SceneCard durations", () => {
  test("+ lengthens the scene by half a second, taken from the longest scene; the ad stays 30 s", async () => {
    const { user } = renderCard(1);
    await user.click(screen.getByRole("button", { name: "Lengthen scene 1 by half a second" }));
    expect(durations()).toEqual([4.5, 6, 6, 6, 7.5]);
    expect(total()).toBe(30);
    expect(screen.getByLabelText("Duration (seconds)")).toHaveValue(4.5);
    expect(screen.getByText("Scene 1 lasts 4.5 s.")).toBeInTheDocument();
  });

  test("− shortens the scene by half a second, given to the others by length; the ad stays 30 s", async () => {
    const { user } = renderCard(5);
    await user.click(screen.getByRole("button", { name: "Shorten scene 5 by half a second" }));
    expect(durations()).toEqual([4, 6.5, 6, 6, 7.5]);
    expect(total()).toBe(30);
  });

  test("many clicks keep the total at 30 s and stop at the 1–15 s bounds", async () => {
    const { user } = renderCard(2);
    const longer = screen.getByRole("button", { name: "Lengthen scene 2 by half a second" });
    for (let i = 0; i < 18; i += 1) await user.click(longer);
    expect(durations()[1]).toBe(15);
    expect(total()).toBe(30);
    expect(longer).toBeDisabled();

    const shorter = screen.getByRole("button", { name: "Shorten scene 2 by half a second" });
    for (let i = 0; i < 28; i += 1) await user.click(shorter);
    expect(durations()[1]).toBe(1);
    expect(total()).toBe(30);
    expect(shorter).toBeDisabled();
    expect(Math.max(...durations())).toBeLessThanOrEqual(15);
  });

  test("a typed duration is applied on Enter, rounded to half a second", async () => {
    const { user } = renderCard(3);
    const input = screen.getByLabelText("Duration (seconds)");
    await user.clear(input);
    await user.type(input, "9.2{Enter}");
    expect(durations()[2]).toBe(9);
    expect(total()).toBe(30);
    expect(input).toHaveValue(9);
  });

  test("clearing the duration box and leaving it keeps the duration", async () => {
    const { user } = renderCard(3);
    await user.clear(screen.getByLabelText("Duration (seconds)"));
    await user.tab();
    expect(durations()[2]).toBe(6);
  });
});

describe("SceneCard description and seed", () => {
  test("editing the description updates the store and says the image is out of date", async () => {
    const { user } = renderCard(2);
    expect(screen.queryByText(/description changed since this image was painted/)).not.toBeInTheDocument();

    await user.type(screen.getByLabelText("What the viewer sees"), " at dawn");
    expect(useAppStore.getState().scenePlan!.scenes[1]!.description).toBe("The serum bottle on white marble at dawn");
    expect(screen.getByText(/description changed since this image was painted/)).toBeInTheDocument();
  });

  test("an empty description is flagged and cannot be painted", async () => {
    const { user } = renderCard(2);
    await user.clear(screen.getByLabelText("What the viewer sees"));
    expect(screen.getByText("Describe the scene before moving on.")).toBeInTheDocument();
    expect(screen.getByLabelText("What the viewer sees")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByRole("button", { name: "New image for scene 2" })).toBeDisabled();
  });

  test("'New image' asks for a repaint", async () => {
    const { user, onRepaint } = renderCard(2);
    expect(screen.getByRole("img", { name: "Seed image for scene 2" })).toHaveAttribute("src", `${seedUrl(2)}?w=320`);
    await user.click(screen.getByRole("button", { name: "New image for scene 2" }));
    expect(onRepaint).toHaveBeenCalledTimes(1);
  });

  test("while its seed is repainted, the scene shows a placeholder and cannot be repainted again", () => {
    seedStudio();
    useAppStore.getState().setRequest("seed-2", { state: "loading" });
    render(<StoreSceneCard n={2} onRepaint={vi.fn()} />);
    expect(screen.getByLabelText("Painting scene 2")).toBeInTheDocument();
    expect(screen.queryByRole("img", { name: "Seed image for scene 2" })).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "New image for scene 2" })).toBeDisabled();
  });

  test("a scene without a seed says so, or shows a placeholder while seeds are painted", () => {
    seedStudio({ seeded: false });
    const { rerender } = render(<StoreSceneCard n={1} onRepaint={vi.fn()} />);
    expect(screen.getByText("No image yet")).toBeInTheDocument();
    rerender(<StoreSceneCard n={1} onRepaint={vi.fn()} seedsLoading />);
    expect(screen.getByLabelText("Painting scene 1")).toBeInTheDocument();
  });

  test("a failed repaint shows the backend's message and retries with onRepaint", async () => {
    seedStudio();
    useAppStore.getState().setRequest("seed-4", {
      state: "error",
      error: { code: "provider_error", message: "The image provider failed." },
    });
    const onRepaint = vi.fn();
    const user = userEvent.setup();
    render(<StoreSceneCard n={4} onRepaint={onRepaint} />);
    expect(screen.getByText("Scene 4 could not be repainted")).toBeInTheDocument();
    expect(screen.getByText("The image provider failed.")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Try again" }));
    expect(onRepaint).toHaveBeenCalledTimes(1);
  });
});

describe("SceneTimeline", () => {
  test("each scene's segment is its share of the 30 s", () => {
    render(<SceneTimeline scenes={SCENES} />);
    const segments = screen.getAllByTestId("timeline-segment");
    expect(segments.map((s) => s.textContent)).toEqual(["4 s", "6 s", "6 s", "6 s", "8 s"]);
    const widths = segments.map((s) => parseFloat(s.style.width));
    expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 6);
    expect(widths[4]).toBeCloseTo((8 / 30) * 100, 6);
    expect(screen.getByRole("img")).toHaveAccessibleName(
      "Timeline: scene 1 4 s, scene 2 6 s, scene 3 6 s, scene 4 6 s, scene 5 8 s; 30 s in all",
    );
    expect(screen.getByText("30 s of 30 s")).toBeInTheDocument();
  });
});
