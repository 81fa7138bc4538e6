/**
 * The whole studio in a real browser against the real backend on local providers: from an
 * empty chat to a downloaded 30-second ad, with a screenshot of every step.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { launchChromium } from "./browser";
import { StudioPage } from "./pages/StudioPage";
import {
  ARTIFACTS_DIR,
  buildFrontend,
  freePort,
  type Running,
  startBackend,
  startFrontend,
} from "./servers";

/** Where to keep screenshots of the words' fields for a person to look at (optional). */
const SHOTS_DIR = process.env.E2E_SHOTS_DIR;

let backend: Running | undefined;
let frontend: Running | undefined;
let browser: Browser | undefined;
let workDir: string;
const pageErrors: string[] = [];

beforeAll(async () => {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  // The media root has a directory of its own, so the backend's database (`data/` beside the
  // media root) is this run's too: no project of an earlier run shows in the gallery.
  workDir = mkdtempSync(path.join(tmpdir(), "reelsmith-e2e-"));
  const mediaRoot = path.join(workDir, "media");
  mkdirSync(mediaRoot);
  const [backendPort, frontendPort] = [await freePort(), await freePort()];
  const studioOrigin = `http://127.0.0.1:${frontendPort}`;
  backend = await startBackend(backendPort, studioOrigin, mediaRoot);
  await buildFrontend(backend.url);
  frontend = await startFrontend(frontendPort);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await frontend?.stop();
  await backend?.stop();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

async function openStudio(): Promise<{ page: Page; studio: StudioPage }> {
  const context = await browser!.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const studio = new StudioPage(page, frontend!.url);
  page.on("pageerror", (error) => pageErrors.push(error.message));
  page.on("console", (message) => {
    // A stream the test cut on purpose logs its failure; any other failed load is a defect.
    if (message.type() === "error" && !studio.cutOnPurpose(message.location().url)) {
      pageErrors.push(`${message.text()} (${message.location().url})`);
    }
  });
  await studio.goto();
  return { page, studio };
}

describe("the studio, end to end", () => {
  test("goes from an empty chat to a downloaded 30-second ad", async () => {
    const { page, studio } = await openStudio();

    // Step 1: chat until the brief is complete; the brief panel shows what was said.
    await page.getByText("What are we advertising?").waitFor();
    await studio.chatUntilBriefComplete();
    await expect(page.getByLabel("Product", { exact: true }).inputValue()).resolves.toMatch(/glow/i);
    await studio.screenshot("1-vision");
    const problems = await studio.checkEveryWidth("1-vision");

    // Step 2: three moods, four images each; pick the second.
    await page.getByRole("button", { name: "Choose a mood" }).click();
    await studio.expectHeadingFocused("Choose a mood");
    await studio.chooseMood(1);
    await expect(page.getByTestId("mood-card").count()).resolves.toBe(3);
    await expect(page.getByTestId("mood-card").nth(0).locator("img").count()).resolves.toBe(4);
    await expect(
      page.getByTestId("mood-card").nth(1).getAttribute("data-selected"),
    ).resolves.toBe("true");
    await studio.screenshot("2-moods");
    problems.push(...(await studio.checkEveryWidth("2-moods")));

    // Step 3: the storyboard, with seeds; an edit keeps 30 s; one seed is repainted alone.
    await page.getByRole("button", { name: "Plan the storyboard" }).click();
    await studio.expectHeadingFocused("Storyboard");
    await studio.waitForSeeds();
    const scenes = studio.sceneCards();
    const sceneCount = await scenes.count();
    expect(sceneCount).toBeGreaterThanOrEqual(5);
    expect(sceneCount).toBeLessThanOrEqual(7);
    expect(await studio.timelineCaption()).toContain("30 s of 30 s");

    const firstDuration = page.getByLabel("Duration (seconds)").first();
    const before = Number(await firstDuration.inputValue());
    await page.getByRole("button", { name: "Lengthen scene 1 by half a second" }).click();
    await expect(firstDuration.inputValue().then(Number)).resolves.toBe(before + 0.5);
    expect(await studio.timelineCaption()).toContain("30 s of 30 s");

    const seedSources = () =>
      scenes.locator("img").evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).src));
    const seedsBefore = await seedSources();
    await page.getByRole("button", { name: "New image for scene 2" }).click();
    await page.waitForFunction(
      (old) => {
        const img = document.querySelectorAll('[data-testid="scene-card"]')[1]?.querySelector("img");
        return img !== null && img !== undefined && img.src !== old && img.complete && img.naturalWidth > 0;
      },
      seedsBefore[1],
      { timeout: 60_000 },
    );
    const seedsAfter = await seedSources();
    expect(seedsAfter[1]).not.toBe(seedsBefore[1]);
    expect(seedsAfter.filter((_, i) => i !== 1)).toEqual(seedsBefore.filter((_, i) => i !== 1));
    // The words: scene 1's title and line edited on its card; a line too long for its scene
    // says by how much before anything is composed, and fits again once cut.
    const line = "Meet Glow. Brighter skin by morning.";
    await studio.editSceneWords(1, "Glow that lasts", line);
    await scenes.nth(0).getByTestId("line-fit").waitFor();
    const secondLine = scenes.nth(1).getByLabel("Voiceover");
    const planned = await secondLine.inputValue();
    await secondLine.fill(Array(40).fill("glow").join(" "));
    await expect(scenes.nth(1).getByTestId("line-overrun").innerText()).resolves.toMatch(/too long[\s\S]*Cut about \d+ words/);
    await secondLine.fill(planned);
    await expect(scenes.nth(1).getByTestId("line-overrun").count()).resolves.toBe(0);
    await page.getByLabel("Call to action (end card)").fill("Shop Glow today");
    await studio.screenshot("3-storyboard");
    problems.push(...(await studio.checkEveryWidth("3-storyboard")));
    if (SHOTS_DIR) {
      await studio.screenshotAt(390, path.join(SHOTS_DIR, "storyboard-390.png"));
      await studio.screenshotAt(1440, path.join(SHOTS_DIR, "storyboard-1440.png"));
    }

    // Step 4: clips render in the background. The first job's answer is doctored to say scene 2
    // failed (the local providers do not fail): the card must show the reason and a retry that
    // re-renders that scene for real, after which every clip is playable.
    await studio.failSceneOnce(2, "The motion model refused this scene.");
    await page.getByRole("button", { name: "Make the clips" }).click();
    await studio.expectHeadingFocused("Clips");
    await page.getByRole("button", { name: "Generate clips" }).click();
    await page.getByTestId("clip-card").first().waitFor();
    const failedCard = page.locator('[data-testid="clip-card"][data-status="failed"]');
    await failedCard.waitFor({ timeout: 240_000 });
    await expect(failedCard.getByRole("alert").innerText()).resolves.toBe(
      "The motion model refused this scene.",
    );
    await expect(studio.clipStatuses()).resolves.toEqual(
      Array.from({ length: sceneCount }, (_, i) => (i === 1 ? "failed" : "complete")),
    );
    await expect(
      page.getByRole("button", { name: "Compose the ad" }).isDisabled(),
    ).resolves.toBe(true);
    await studio.screenshot("4-clips-failed");
    await failedCard.getByRole("button", { name: "Retry scene 2" }).click();
    await studio.waitForClips();
    expect(await studio.clipStatuses()).toEqual(Array(sceneCount).fill("complete"));
    await expect(page.getByText("All clips are ready").isVisible()).resolves.toBe(true);
    await studio.screenshot("4-clips");
    problems.push(...(await studio.checkEveryWidth("4-clips")));

    // Step 5: the composed ad plays for about 30 s and downloads as an MP4.
    await page.getByRole("button", { name: "Compose the ad" }).click();
    await studio.expectHeadingFocused("Your ad");
    const duration = await studio.finalVideoDuration();
    expect(duration).toBeGreaterThan(29.5);
    expect(duration).toBeLessThan(30.5);
    // The ad was voiced (espeak, the server's default here) and captioned: both files are offered,
    // and the captions say the line typed on the storyboard (phrase by phrase, without its
    // punctuation).
    const vttHref = await page.getByTestId("captions-vtt").getAttribute("href");
    await expect(page.getByTestId("captions-srt").isVisible()).resolves.toBe(true);
    const vtt = await (await fetch(vttHref!)).text();
    expect(vtt.startsWith("WEBVTT")).toBe(true);
    expect(vtt).toContain("Meet Glow Brighter\n");
    expect(vtt).toContain("skin by morning\n");
    // A voice's preview loads and plays; picking no voice marks the ad as made with other words.
    const voice = page.getByLabel("Voice", { exact: true });
    await expect(voice.inputValue()).resolves.toBe("espeak");
    await page.getByRole("button", { name: "Hear a preview of the voice" }).click();
    expect(await studio.previewDuration()).toBeGreaterThan(0.5);
    await studio.screenshot("5-final");
    problems.push(...(await studio.checkEveryWidth("5-final")));
    if (SHOTS_DIR) {
      await studio.screenshotAt(390, path.join(SHOTS_DIR, "final-390.png"));
      await studio.screenshotAt(1440, path.join(SHOTS_DIR, "final-1440.png"));
    }
    await voice.selectOption("none");
    await page.getByText("The words, the voice or the captions have changed").waitFor();
    await voice.selectOption("espeak");

    const href = await page.getByTestId("download-link").getAttribute("href");
    expect(href).toBeTruthy();
    const download = await fetch(href!);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("video/mp4");
    expect(download.headers.get("content-disposition")).toMatch(/^attachment; filename=".+\.mp4"$/);
    const bytes = new Uint8Array(await download.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(4, 8))).toBe("ftyp");
    expect(bytes.length).toBeGreaterThan(100_000);

    // A reload resumes where the user was: the final step, with the ad.
    await page.reload();
    await expect(studio.finalVideoDuration(30_000)).resolves.toBeGreaterThan(29.5);
    await expect(studio.step("Vision").isEnabled()).resolves.toBe(true);

    // Going back loses nothing: the storyboard is still there, edit included.
    await studio.step("Storyboard").click();
    await studio.expectHeadingFocused("Storyboard");
    await expect(studio.sceneCards().count()).resolves.toBe(sceneCount);
    await expect(
      page.getByLabel("Duration (seconds)").first().inputValue().then(Number),
    ).resolves.toBe(before + 0.5);
    await expect(scenes.nth(0).getByLabel("Voiceover").inputValue()).resolves.toBe(line);
    await expect(scenes.nth(0).getByLabel("On-screen text").inputValue()).resolves.toBe("Glow that lasts");

    // Every step at every width: no sideways scroll, no clipped card, no blank page, no serious
    // accessibility violation (reported together, after the walk, so one run shows them all).
    expect(problems).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  test("keeps projects on the server: a fresh browser opens the first project with its work", async () => {
    const { page, studio } = await openStudio();
    const projects = () => page.getByRole("button", { name: "Projects" });
    const cardOf = (name: string) => page.getByTestId("project-card").filter({ hasText: name });

    /** Name the project the studio has open, from the gallery, then go back to it. */
    const nameCurrent = async (name: string) => {
      await projects().click();
      await studio.expectHeadingFocused("Your projects");
      const current = page.locator('[data-testid="project-card"][data-current="true"]');
      await current.getByRole("button", { name: /^Rename/ }).click();
      await current.getByLabel("Project name").fill(name);
      await current.getByRole("button", { name: "Save" }).click();
      await cardOf(name).waitFor();
    };

    // Project 1: a chat turn (recorded by the director's endpoint) and a hand edit (saved).
    await page.getByText("What are we advertising?").waitFor();
    await studio.send("I want a 30 second vertical ad for Glow Serum, a luxury vitamin C face serum.");
    await page.getByLabel("Product", { exact: true }).fill("Glow Serum Deluxe");
    await page.getByRole("status").filter({ hasText: "Saved" }).first().waitFor({ state: "attached" });
    await nameCurrent("Glow Serum launch");

    // Project 2, started clean from the gallery.
    await page.getByRole("button", { name: "New project" }).click();
    await page.getByText("What are we advertising?").waitFor();
    await studio.send("An ad for Ocean Mist, a sea salt hair spray for surfers.");
    await nameCurrent("Ocean Mist launch");

    // After a reload, both are listed from the server.
    await page.reload();
    await projects().click();
    await cardOf("Glow Serum launch").waitFor();
    await cardOf("Ocean Mist launch").waitFor();
    await page.context().close();

    // A fresh context has empty storage: the gallery, then the first project, come from the server.
    const fresh = await openStudio();
    await fresh.page.getByRole("button", { name: "Projects" }).click();
    await fresh.page.getByTestId("project-card").filter({ hasText: "Glow Serum launch" }).waitFor();
    const problems = await fresh.studio.checkEveryWidth("projects-gallery");
    await fresh.page.getByRole("button", { name: "Open Glow Serum launch" }).click();
    await expect(fresh.page.getByLabel("Product", { exact: true }).inputValue()).resolves.toBe("Glow Serum Deluxe");
    await fresh.page.getByText("luxury vitamin C face serum").first().waitFor();
    await expect(fresh.page.getByText("Ocean Mist").count()).resolves.toBe(0);
    expect(problems).toEqual([]);
    expect(pageErrors).toEqual([]);
    await fresh.page.context().close();
  });

  test("looks right at phone width", async () => {
    const context = await browser!.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
    });
    const page = await context.newPage();
    const studio = new StudioPage(page, frontend!.url);
    await studio.goto();
    await page.getByText("What are we advertising?").waitFor();
    // Nothing runs off the side of a phone screen.
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await studio.screenshot("phone-1-vision");
    await context.close();
  });
});
