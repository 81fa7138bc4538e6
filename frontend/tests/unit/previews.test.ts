// @vitest-environment node
import { describe, expect, test } from "vitest";

import { hasPreviews, PREVIEW_WIDTHS, previewUrl, thumbnail } from "@/lib/previews";

const MOOD = "http://localhost:8000/media/moods/3f2a.png";

describe("sized previews", () => {
  test("a thumbnail of a stored image loads a preview, the browser choosing its width", () => {
    const { src, srcSet, sizes } = thumbnail(MOOD, "45vw");
    expect(src).toBe(`${MOOD}?w=320`);
    expect(srcSet).toBe(PREVIEW_WIDTHS.map((w) => `${MOOD}?w=${w} ${w}w`).join(", "));
    expect(sizes).toBe("45vw");
  });

  test("the backend reached under another loopback name still serves previews", () => {
    expect(previewUrl("http://127.0.0.1:8000/media/seeds/a.jpg", 160)).toBe(
      "http://127.0.0.1:8000/media/seeds/a.jpg?w=160",
    );
  });

  test("anything that is not one of our stored images is used as it is", () => {
    for (const url of [
      "https://shop.example/media/mug.png", // someone else's site
      "http://localhost:9000/media/moods/a.png", // another port, another server
      "http://localhost:8000/media/clips/a.mp4", // not an image
      "http://localhost:8000/api/moods/a.png", // not the media store
      `${MOOD}?w=640`, // a preview already
      "not a url",
      "",
    ]) {
      expect(hasPreviews(url)).toBe(false);
      expect(previewUrl(url, 320)).toBe(url);
      expect(thumbnail(url, "10vw")).toEqual({ src: url });
    }
  });
});
