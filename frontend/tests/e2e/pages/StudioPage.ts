import { createRequire } from "node:module";
import path from "node:path";

import type { Locator, Page } from "playwright-core";

import { ARTIFACTS_DIR } from "../servers";

/** Answers a marketer would give, one per brief field the director may still ask about. */
const ANSWERS: Record<string, string> = {
  product_name: "It's Glow Serum, a luxury vitamin C face serum.",
  target_audience: "Women aged 30 to 50 who care about their skincare routine.",
  emotional_tone: "Elegant, calming and confident.",
  visual_style_keywords: "Minimalist, white and gold, soft morning light.",
  key_messages: "Visible radiance in two weeks. Clean, dermatologist-tested ingredients.",
};

/** The widths every step is checked at: a phone, a tablet, a laptop, a desktop. */
export const WIDTHS = [390, 768, 1280, 1440] as const;
const AXE_SCRIPT = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

/** The studio as a user sees it: one method per thing they do. */
export class StudioPage {
  /** Requests the test made fail on purpose: their console errors are expected. */
  private readonly cut: string[] = [];

  constructor(
    readonly page: Page,
    readonly url: string,
  ) {}

  cutOnPurpose(url: string): boolean {
    return this.cut.includes(url);
  }

  async goto() {
    await this.page.goto(this.url);
    await this.page.getByRole("navigation", { name: "Steps" }).waitFor();
  }

  async screenshot(name: string) {
    await this.page.screenshot({ path: path.join(ARTIFACTS_DIR, `${name}.png`), fullPage: true });
  }

  /**
   * At every width: nothing runs off the side (the page, or any card's content), no blank space
   * under the step, no critical or serious axe violation; a screenshot of each. Returns what is
   * wrong, so one run reports every problem.
   */
  async checkEveryWidth(step: string): Promise<string[]> {
    const problems: string[] = [];
    const restore = this.page.viewportSize();
    for (const width of WIDTHS) {
      await this.page.setViewportSize({ width, height: 900 });
      await this.page.evaluate(
        () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
      );
      const layout = await this.page.evaluate(() => {
        const doc = document.documentElement;
        const wideCards = [...document.querySelectorAll<HTMLElement>('[data-slot="card"]')]
          .filter((card) => card.scrollWidth > card.clientWidth + 1)
          .map((card) => card.getAttribute("aria-label") ?? card.innerText.slice(0, 40));
        const section = document.querySelector("main section");
        const bottom = section ? section.getBoundingClientRect().bottom + window.scrollY : 0;
        return {
          overflow: doc.scrollWidth - window.innerWidth,
          wideCards,
          blank: doc.scrollHeight - Math.max(window.innerHeight, bottom),
        };
      });
      if (layout.overflow > 0) problems.push(`${step} @${width}: page ${layout.overflow}px too wide`);
      for (const card of layout.wideCards) problems.push(`${step} @${width}: card too narrow for "${card}"`);
      // The main area's own padding is all that may sit under the step.
      if (layout.blank > 48) problems.push(`${step} @${width}: ${layout.blank}px of blank page`);
      for (const violation of await this.axeViolations()) problems.push(`${step} @${width}: ${violation}`);
      await this.screenshot(`${step}-${width}`);
    }
    if (restore) await this.page.setViewportSize(restore);
    return problems;
  }

  /** Critical and serious axe-core violations on the page as it stands. */
  async axeViolations(): Promise<string[]> {
    if (!(await this.page.evaluate(() => "axe" in window))) {
      await this.page.addScriptTag({ path: AXE_SCRIPT });
    }
    return this.page.evaluate(async () => {
      type Axe = {
        run: (context: Document, options: object) => Promise<{
          violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[];
        }>;
      };
      const axe = (window as unknown as { axe: Axe }).axe;
      const { violations } = await axe.run(document, { resultTypes: ["violations"] });
      return violations
        .filter((v) => v.impact === "critical" || v.impact === "serious")
        .map((v) => `${v.impact} ${v.id} at ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
    });
  }

  /** After a step change, focus is on the new step's heading (not lost to the page body). */
  async expectHeadingFocused(title: string) {
    await this.page.waitForFunction(
      (text) => {
        const active = document.activeElement;
        return active?.tagName === "H2" && active.textContent?.trim() === text;
      },
      title,
      { timeout: 10_000 },
    );
  }

  step(label: string): Locator {
    return this.page.getByRole("navigation", { name: "Steps" }).getByRole("button", { name: label });
  }

  /** Fields the brief panel still marks "to discuss". */
  async missingFields(): Promise<string[]> {
    const badges = this.page.locator('[data-testid="creative-brief"] [id$="-missing"]');
    const ids = await badges.evaluateAll((nodes) => nodes.map((n) => n.id));
    return ids.map((id) => id.replace(/^brief-/, "").replace(/-missing$/, ""));
  }

  async send(text: string) {
    const before = await this.page.locator('li[data-role="assistant"]').count();
    await this.page.getByLabel("Message the creative director").fill(text);
    await this.page.getByRole("button", { name: "Send message" }).click();
    // The reply has streamed once the director's bubble count grows and the box is usable again.
    await this.page.locator('li[data-role="assistant"]').nth(before).waitFor();
    await this.page.getByRole("button", { name: "Send message" }).waitFor();
  }

  /** Chat until the brief is complete, answering whatever the director still needs. */
  async chatUntilBriefComplete(maxTurns = 8) {
    await this.send(
      "I want a 30 second vertical ad for Glow Serum, a luxury vitamin C face serum.",
    );
    for (let turn = 0; turn < maxTurns; turn += 1) {
      const missing = await this.missingFields();
      if (missing.length === 0 && (await this.briefIsComplete())) return;
      await this.send(ANSWERS[missing[0] ?? "key_messages"]!);
    }
    throw new Error(`the brief was still missing ${await this.missingFields()}`);
  }

  async briefIsComplete(): Promise<boolean> {
    return this.page.getByLabel("complete").isVisible();
  }

  async chooseMood(index: number) {
    const cards = this.page.getByTestId("mood-card");
    await cards.nth(2).waitFor({ timeout: 60_000 });
    await this.waitForImages(cards.locator("img"));
    await cards.nth(index).click();
  }

  async waitForImages(images: Locator, timeout = 60_000) {
    await this.page.waitForFunction(
      (nodes) => nodes.length > 0 && nodes.every((n) => (n as HTMLImageElement).complete && (n as HTMLImageElement).naturalWidth > 0),
      await images.elementHandles(),
      { timeout },
    );
  }

  sceneCards(): Locator {
    return this.page.getByTestId("scene-card");
  }

  async waitForSeeds() {
    await this.sceneCards().first().waitFor({ timeout: 60_000 });
    await this.page.waitForFunction(
      () => {
        const cards = [...document.querySelectorAll('[data-testid="scene-card"]')];
        return cards.length >= 5 && cards.every((card) => {
          const img = card.querySelector("img");
          return img !== null && img.complete && img.naturalWidth > 0;
        });
      },
      undefined,
      { timeout: 90_000 },
    );
  }

  async timelineCaption(): Promise<string> {
    return (await this.page.getByTestId("scene-timeline").locator("figcaption").innerText()).replace(/\s+/g, " ");
  }

  /**
   * Make the first finished clip job report scene `sceneNumber` as failed, once: the browser
   * sees the backend's real answer with that one clip turned into a failure.
   */
  async failSceneOnce(sceneNumber: number, message: string) {
    let doctored = false;
    // The doctored answer is a polled one: with this job's progress stream cut, the studio falls
    // back to polling (which this checks too), and its first complete status is turned into a
    // failure of one scene. Later jobs (the retry, the compose) follow their streams.
    await this.page.route(
      "**/api/jobs/*/events",
      (route) => {
        this.cut.push(route.request().url());
        return route.abort("connectionrefused");
      },
      { times: 1 },
    );
    await this.page.route("**/api/video/status/**", async (route) => {
      if (doctored) return route.continue();
      const response = await route.fetch();
      const body = await response.json();
      if (body.status === "complete") {
        doctored = true;
        body.status = "failed";
        body.error = { code: "clips_failed", message: "1 clip failed." };
        for (const clip of body.clips) {
          if (clip.scene_number !== sceneNumber) continue;
          Object.assign(clip, {
            status: "failed",
            video_url: null,
            error: { code: "provider_error", message },
          });
        }
      }
      return route.fulfill({ response, json: body });
    });
  }

  async clipStatuses(): Promise<string[]> {
    return this.page
      .getByTestId("clip-card")
      .evaluateAll((cards) => cards.map((c) => c.getAttribute("data-status") ?? ""));
  }

  async waitForClips(timeout = 240_000) {
    await this.page.waitForFunction(
      () => {
        const cards = [...document.querySelectorAll('[data-testid="clip-card"]')];
        return cards.length >= 5 && cards.every((c) => c.getAttribute("data-status") === "complete");
      },
      undefined,
      { timeout, polling: 500 },
    );
  }

  /** Scene `n`'s words on its card: the title and the voiceover line. */
  async editSceneWords(n: number, title: string, line: string) {
    const card = this.sceneCards().nth(n - 1);
    await card.getByLabel("On-screen text").fill(title);
    await card.getByLabel("Voiceover").fill(line);
  }

  /** The voice preview's `<audio>`, once the browser has loaded its metadata: its length. */
  async previewDuration(timeout = 60_000): Promise<number> {
    const audio = this.page.getByTestId("voice-preview");
    await audio.waitFor({ timeout });
    return audio.evaluate(
      (node) =>
        new Promise<number>((resolve, reject) => {
          const el = node as HTMLAudioElement;
          if (el.readyState >= 1) return resolve(el.duration);
          el.addEventListener("loadedmetadata", () => resolve(el.duration), { once: true });
          el.addEventListener("error", () => reject(new Error("the preview failed to load")), { once: true });
        }),
    );
  }

  /** A full-page screenshot at `width` into `dir` (for a person to look at). */
  async screenshotAt(width: number, file: string) {
    const restore = this.page.viewportSize();
    await this.page.setViewportSize({ width, height: 900 });
    // From the top, so the sticky header sits where a person sees it, not mid-page.
    await this.page.evaluate(() => window.scrollTo(0, 0));
    await this.page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    await this.page.screenshot({ path: file, fullPage: true });
    if (restore) await this.page.setViewportSize(restore);
  }

  /** The final `<video>`'s duration, once its metadata has loaded. */
  async finalVideoDuration(timeout = 240_000): Promise<number> {
    const video = this.page.getByTestId("final-video");
    await video.waitFor({ timeout });
    return video.evaluate(
      (node) =>
        new Promise<number>((resolve, reject) => {
          const el = node as HTMLVideoElement;
          if (el.readyState >= 1) return resolve(el.duration);
          el.addEventListener("loadedmetadata", () => resolve(el.duration), { once: true });
          el.addEventListener("error", () => reject(new Error("the video failed to load")), { once: true });
        }),
    );
  }
}
