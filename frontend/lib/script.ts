/**
 * The voiceover's fit rule, so a card can say a line overruns its scene before the user
 * composes. The numbers are the backend's (`studioConfig.script`, the body of `GET /api/config`)
 * and the functions are a port of `app/words/script.py` (`lines_too_long`) and the speech windows
 * of `app/words/windows.py`; `tests/unit/scriptRules.test.ts` checks them against the golden
 * vectors the backend writes (`make contract`), so the card and the compose check never differ.
 */

import { studioConfig } from "@/types/api.generated";

const RULES = studioConfig.script;
const { crossfade_seconds: CROSSFADE, fps: FPS, total_seconds: TOTAL } = studioConfig.storyboard;

export const WORDS_PER_SECOND = RULES.words_per_second;
export const MAX_ON_SCREEN_TEXT = RULES.max_on_screen_text_chars;
export const MAX_VOICEOVER = RULES.max_voiceover_chars;
export const MAX_CALL_TO_ACTION = RULES.max_call_to_action_chars;

/** The backend's pattern, in JavaScript: Python's `\w` is any letter or digit, or `_`. */
const WORD = new RegExp(RULES.word_pattern.replace("\\w", "\\p{L}\\p{N}_"), "gu");

/** The words a voice will say, punctuation aside ("30%" and "don't" are one word each). */
export function spokenWords(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** How long a line takes at a natural pace, in seconds. */
export function naturalSeconds(text: string): number {
  return spokenWords(text).length / WORDS_PER_SECOND;
}

/** Python's `round`: halves go to the even neighbour. */
function roundHalfEven(value: number): number {
  const floor = Math.floor(value);
  const rest = value - floor;
  if (rest > 0.5) return floor + 1;
  if (rest < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

const round6 = (value: number) => Math.round(value * 1e6) / 1e6;

/** Frames each scene holds the screen (`scene_frames`); null when a scene is too short. */
function sceneFrames(durations: number[]): number[] | null {
  if (durations.length === 0 || durations.some((d) => !(d > 0))) return null;
  const scale = TOTAL / durations.reduce((sum, d) => sum + d, 0);
  const frames: number[] = [];
  let elapsed = 0;
  let previous = 0;
  for (const duration of durations) {
    elapsed += duration * scale;
    const boundary = roundHalfEven(elapsed * FPS);
    frames.push(boundary - previous);
    previous = boundary;
  }
  const fade = Math.round(CROSSFADE * FPS);
  return frames.some((f, i) => f <= (i ? fade : 0)) ? null : frames;
}

/** Seconds each scene leaves a line: its span clear of the crossfades, less a margin each side
 * (`speech_windows`). Empty when the durations make no valid storyboard. */
export function speechRooms(durations: number[]): number[] {
  const frames = sceneFrames(durations);
  if (!frames) return [];
  let start = 0;
  return frames.map((count, index) => {
    const end = start + count;
    const first = round6(start / FPS + (index ? CROSSFADE : 0)) + RULES.speech_margin_seconds;
    const last = round6(end / FPS) - RULES.speech_margin_seconds;
    start = end;
    return Math.max(0, last - first);
  });
}

export interface LineFit {
  index: number;
  /** Seconds the line takes at a natural pace. */
  needs: number;
  /** Seconds its scene leaves it. */
  room: number;
}

/** Every line (one per scene, in order) and how it fits (`lines_too_long` keeps the ones with
 * `needs > room`). */
export function lineFits(lines: string[], durations: number[]): LineFit[] {
  const rooms = speechRooms(durations);
  return rooms.map((room, index) => ({ index, needs: naturalSeconds(lines[index] ?? ""), room }));
}

export function tooLong(fit: LineFit): boolean {
  return fit.needs > fit.room + 1e-9;
}

/** The backend's `lines_too_long`. */
export function linesTooLong(lines: string[], durations: number[]): LineFit[] {
  return lineFits(lines, durations).filter(tooLong);
}

/** Words to cut for a line to fit (at least one), as the backend's refusal counts them. */
export function wordsToCut(fit: LineFit): number {
  return Math.max(1, Math.ceil((fit.needs - fit.room) * WORDS_PER_SECOND - 1e-9));
}
