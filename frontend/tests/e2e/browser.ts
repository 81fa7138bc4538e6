import { chromium, type Browser } from "playwright-core";

/** Debian's Chromium (browser downloads fail here), started the way DESIGN.md describes. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update"],
  });
}
