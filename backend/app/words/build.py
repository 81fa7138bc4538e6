"""The ad's words put together: spoken lines (already placed), each scene's title in its window,
and the end card. Pure: every input is already decided."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from app.words.timeline import AdWords, EndCard, SceneTitle, SpokenLine
from app.words.windows import end_card_window, title_windows


def scene_titles(
    texts: Sequence[str], durations: Sequence[float], end_card: bool = True
) -> tuple[SceneTitle, ...]:
    """A title for every scene with on-screen text, in its window (none where too short)."""
    titles = []
    windows = title_windows(durations, end_card=end_card)
    for number, (text, window) in enumerate(zip(texts, windows, strict=True), 1):
        if text.strip() and window is not None:
            titles.append(SceneTitle(number, text.strip(), window.start, window.end))
    return tuple(titles)


def end_card(
    product_name: str, call_to_action: str, durations: Sequence[float], logo: Path | None
) -> EndCard | None:
    if not (product_name.strip() or call_to_action.strip() or logo):
        return None
    window = end_card_window(durations)
    return EndCard(product_name.strip(), call_to_action.strip(), window.start, window.end, logo)


def ad_words(
    lines: Sequence[SpokenLine],
    titles_text: Sequence[str],
    durations: Sequence[float],
    *,
    product_name: str = "",
    call_to_action: str = "",
    logo: Path | None = None,
    captions: bool = True,
    font: Path | None = None,
    accent: str | None = None,
) -> AdWords:
    card = end_card(product_name, call_to_action, durations, logo)
    return AdWords(
        lines=tuple(lines),
        titles=scene_titles(titles_text, durations, end_card=card is not None),
        end_card=card,
        captions=captions,
        font=font,
        accent=accent,
    )
