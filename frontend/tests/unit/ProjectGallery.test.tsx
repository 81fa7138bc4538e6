import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, test, vi } from "vitest";

import { ProjectGallery } from "@/components/projects/ProjectGallery";
import { NewAdButton } from "@/components/studio/NewAdButton";
import { useAppStore } from "@/store/appStore";
import type { ProjectSummary } from "@/types/project.types";

import { BRIEF, deferred, jsonResponse, seedUrl, stubBackend } from "./fixtures";

const NOW = "2026-11-30T12:00:00Z";

function summary(id: string, name: string, thumbnail: string | null = null): ProjectSummary {
  return { project_id: id, name, created_at: NOW, updated_at: NOW, thumbnail_url: thumbnail, ad_count: 0 };
}

function project(id: string, name: string) {
  return {
    ...summary(id, name),
    chat: [],
    creative_brief: { ...BRIEF, product_name: name },
    mood_sets: [],
    selected_mood: null,
    scene_plan: null,
    scenes_with_seeds: [],
    clips: [],
    clip_job_id: null,
    ads: [],
  };
}

const card = (name: string) =>
  screen.getAllByTestId("project-card").find((c) => within(c).queryByText(name) !== null)!;

describe("the projects gallery", () => {
  test("shows a loading state, then each project with its sized thumbnail, name and date", async () => {
    const listed = deferred<Response>();
    stubBackend({ "GET /api/projects": () => listed.promise });
    render(<ProjectGallery onClose={() => {}} />);
    expect(screen.getByLabelText("Loading your projects")).toHaveAttribute("aria-busy", "true");

    listed.resolve(jsonResponse({ projects: [summary("p2", "Second", seedUrl(1)), summary("p1", "First")] }));
    await screen.findByText("Second");
    const image = card("Second").querySelector("img")!;
    expect(image.getAttribute("src")).toBe(`${seedUrl(1)}?w=320`);
    expect(image.getAttribute("srcset")).toContain("?w=160 160w");
    expect(card("First").querySelector("img")).toBeNull();
    expect(within(card("First")).getByText(/2026/)).toBeInTheDocument();
  });

  test("says so when there are no projects, and when they cannot be listed", async () => {
    stubBackend({ "GET /api/projects": () => jsonResponse({ projects: [] }) });
    const { unmount } = render(<ProjectGallery onClose={() => {}} />);
    await screen.findByText(/No projects yet/);
    unmount();

    stubBackend({
      "GET /api/projects": () =>
        jsonResponse({ detail: "The database is unavailable.", code: "internal_error", message: "The database is unavailable." }, { status: 500 }),
    });
    render(<ProjectGallery onClose={() => {}} />);
    await screen.findByText("Your projects could not be listed");
    expect(screen.getByText("The database is unavailable.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Try again" })).toBeInTheDocument();
  });

  test("delete asks first; Keep keeps it, Delete removes it and clears the studio if it was open", async () => {
    const user = userEvent.setup();
    useAppStore.getState().setProject("p1", "First");
    useAppStore.getState().setCreativeBrief(BRIEF);
    let projects = [summary("p1", "First"), summary("p2", "Second")];
    const calls = stubBackend({
      "GET /api/projects": () => jsonResponse({ projects }),
      "DELETE /api/projects/p1": () => {
        projects = projects.filter((p) => p.project_id !== "p1");
        return new Response(null, { status: 204 });
      },
    });
    render(<ProjectGallery onClose={() => {}} />);
    await screen.findByText("First");

    await user.click(screen.getByRole("button", { name: "Delete First" }));
    await user.click(screen.getByRole("button", { name: "Keep" }));
    expect(calls.some((c) => c.method === "DELETE")).toBe(false);

    await user.click(screen.getByRole("button", { name: "Delete First" }));
    await user.click(within(screen.getByRole("group", { name: "Delete First?" })).getByRole("button", { name: "Delete" }));
    await waitFor(() => expect(screen.queryByText("First")).toBeNull());
    expect(useAppStore.getState().projectId).toBeNull();
    expect(useAppStore.getState().creativeBrief).toBeNull();
  });

  test("rename, duplicate and open go to the server; open puts the project in the studio", async () => {
    const user = userEvent.setup();
    const onClose = vi.fn();
    let projects = [summary("p1", "First")];
    const calls = stubBackend({
      "GET /api/projects": () => jsonResponse({ projects }),
      "PATCH /api/projects/p1": ({ body }) => {
        projects = [summary("p1", (body as { name: string }).name)];
        return jsonResponse(project("p1", "Renamed"));
      },
      "POST /api/projects/p1/duplicate": () => {
        projects = [summary("p1c", "Renamed (copy)"), ...projects];
        return jsonResponse(project("p1c", "Renamed (copy)"), { status: 201 });
      },
      "GET /api/projects/p1": () => jsonResponse(project("p1", "Renamed")),
    });
    render(<ProjectGallery onClose={onClose} />);
    await screen.findByText("First");

    await user.click(screen.getByRole("button", { name: "Rename First" }));
    const field = screen.getByLabelText("Project name");
    await user.clear(field);
    await user.type(field, "Renamed{Enter}");
    await screen.findByText("Renamed");

    await user.click(screen.getByRole("button", { name: "Duplicate Renamed" }));
    await screen.findByText("Renamed (copy)");

    await user.click(screen.getByRole("button", { name: "Open Renamed" }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(useAppStore.getState().projectId).toBe("p1");
    expect(useAppStore.getState().creativeBrief?.product_name).toBe("Renamed");
    expect(calls.filter((c) => c.method !== "GET").map((c) => [c.method, c.url, c.body])).toEqual([
      ["PATCH", "/api/projects/p1", { name: "Renamed" }],
      ["POST", "/api/projects/p1/duplicate", undefined],
    ]);
  });
});

describe("a new ad", () => {
  test("says the current ad stays in Projects when it is saved in one, and starts with no project", async () => {
    const user = userEvent.setup();
    useAppStore.getState().setCreativeBrief(BRIEF);
    useAppStore.getState().setProject("p1", "First");
    render(<NewAdButton />);
    await user.click(screen.getByRole("button", { name: "New ad" }));
    expect(screen.getByText("Start a new ad? This one stays in Projects.")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Start over" }));
    expect(useAppStore.getState().projectId).toBeNull();
    expect(useAppStore.getState().creativeBrief).toBeNull();
  });
});
