"""What the words put on screen, and when, in the ad's frames. Pure functions.

`plan_words` turns the voice step's `AdWords` (seconds) into cues, titles and the end card in
whole frames, each moved inside its scene's window (`app.words.titles`), so that the burner,
the `.vtt`/`.srt` writers and the tests all read the same numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from app.ffmpeg.timing import FPS, TOTAL_SECONDS
from app.words.ass import Card, Placed
from app.words.cues import Cue, caption_cues
from app.words.timeline import AdWords
from app.words.titles import Window, scene_windows, title_windows, to_frame


@dataclass(frozen=True)
class WordsPlan:
    windows: tuple[Window, ...]
    cues: tuple[Cue, ...] = ()
    titles: tuple[Placed, ...] = ()
    card: Card | None = None
    logo: Path | None = None
    font: Path | None = None
    accent: str | None = None
    spans: tuple[tuple[int, int], ...] = field(default=())
    """Frames [start, end) of every scene window that carries words, in order."""

    @property
    def empty(self) -> bool:
        """Nothing to draw: the ad is made exactly as it is without words."""
        return not (self.cues or self.titles or self.card)


def _title_window(windows: Sequence[Window], scene_number: int, start: int) -> Window | None:
    by_number = {window.scene_number: window for window in windows}
    if scene_number in by_number:
        return by_number[scene_number]
    return next((window for window in windows if start < window.end), None)


def plan_words(
    words: AdWords, durations: Sequence[float], total: float = TOTAL_SECONDS, fps: int = FPS
) -> WordsPlan:
    """Everything `words` shows, for scenes of `durations` seconds."""
    windows = scene_windows(durations, total, fps)
    cues = caption_cues(words, windows, fps)
    titles = []
    allowed = title_windows(durations, total, fps, end_card=words.end_card is not None)
    for title in words.titles:
        start, end = to_frame(title.start, fps), to_frame(title.end, fps)
        window = _title_window(allowed, title.scene_number, start)
        placed = window.clamp(start, end) if window and title.text.strip() else None
        if placed:
            titles.append(Placed(placed[0], placed[1], title.text))
    card = None
    if words.end_card is not None and words.end_card.product_name.strip():
        last = windows[-1]
        placed = last.clamp(to_frame(words.end_card.start, fps), to_frame(words.end_card.end, fps))
        if placed:
            card = Card(placed[0], placed[1], words.end_card.product_name,
                        words.end_card.call_to_action)  # fmt: skip
    shown = [(c.start, c.end) for c in cues] + [(t.start, t.end) for t in titles]
    if card:
        shown.append((card.start, card.end))
    spans = tuple(
        (w.start, w.end) for w in windows if any(s < w.end and e > w.start for s, e in shown)
    )
    return WordsPlan(
        windows=tuple(windows),
        cues=tuple(cues),
        titles=tuple(titles),
        card=card,
        logo=words.end_card.logo if card and words.end_card else None,
        font=words.font,
        accent=words.accent,
        spans=spans,
    )
