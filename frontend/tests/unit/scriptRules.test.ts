// @vitest-environment node
import { describe, expect, test } from "vitest";

import { linesTooLong, speechRooms, spokenWords, wordsToCut } from "@/lib/script";

import golden from "./golden/script_rules.json";

/**
 * A card says a voiceover overruns its scene with a port of the backend's rule, not a second
 * one: it must answer what the backend answered for each of its golden vectors
 * (`python -m app.contract golden-script`, rewritten by `make contract`).
 */
describe("the studio's voiceover fit is the backend's", () => {
  test.each(golden.spoken_words)("spokenWords($text) → $out", ({ text, out }) => {
    expect(spokenWords(text)).toEqual(out);
  });

  test.each(golden.lines_too_long)("linesTooLong in $durations", ({ lines, durations, rooms, out }) => {
    speechRooms(durations).forEach((room, i) => expect(room).toBeCloseTo(rooms[i]!, 9));
    const found = linesTooLong(lines, durations);
    expect(found.map((f) => f.index)).toEqual(out.map((o) => o.index));
    found.forEach((fit, i) => {
      expect(fit.needs).toBeCloseTo(out[i]!.needs, 9);
      expect(fit.room).toBeCloseTo(out[i]!.room, 9);
    });
  });

  test("a line over its room says how many words to cut, as the backend does", () => {
    // 20 words need 8 s; a 6 s middle scene leaves 5.1 s: 2.9 s over, about 8 words.
    const [fit] = linesTooLong(["", "", Array(20).fill("word").join(" "), "", ""], [4, 6, 6, 6, 8]);
    expect(fit).toMatchObject({ index: 2, needs: 8 });
    expect(fit!.room).toBeCloseTo(5.1, 9);
    expect(wordsToCut(fit!)).toBe(8);
  });
});
