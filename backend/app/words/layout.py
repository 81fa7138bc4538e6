"""Where words go in a frame of each format, and how big they are. Pure.

A 9:16 ad plays full screen in apps that draw their own buttons over it: the top 12 % (the
account and the search) and the bottom 20 % (the caption, the music, the buttons) are theirs, so
our words stay between. Square, 4:5 and 16:9 play in feeds and players with thinner bars. Sizes
follow the frame's short side, so a 1:1 caption reads as big as a 9:16 one.
"""

from __future__ import annotations

from dataclasses import dataclass

FULL_SCREEN_TOP = 0.12
FULL_SCREEN_BOTTOM = 0.20
FEED_TOP = 0.08
FEED_BOTTOM = 0.10
SIDE = 0.07
FULL_SCREEN_RATIO = 1.7
"""Frames at least this tall for their width (9:16 is 1.78) play full screen."""


@dataclass(frozen=True)
class Layout:
    width: int
    height: int
    top: int
    """Pixels at the top no word may enter."""
    bottom: int
    """Pixels at the bottom no word may enter."""
    side: int
    caption_size: int
    title_size: int
    name_size: int
    action_size: int
    outline: int

    @property
    def safe(self) -> tuple[int, int, int, int]:
        """The box words stay in: left, top, right, bottom (exclusive)."""
        return self.side, self.top, self.width - self.side, self.height - self.bottom


def layout_for(width: int, height: int) -> Layout:
    full_screen = height / width >= FULL_SCREEN_RATIO
    top, bottom = (FULL_SCREEN_TOP, FULL_SCREEN_BOTTOM) if full_screen else (FEED_TOP, FEED_BOTTOM)
    short = min(width, height)
    return Layout(
        width=width,
        height=height,
        top=round(height * top),
        bottom=round(height * bottom),
        side=round(width * SIDE),
        caption_size=round(short * 0.062),
        title_size=round(short * 0.07),
        name_size=round(short * 0.085),
        action_size=round(short * 0.055),
        outline=max(1, round(short * 0.004)),
    )
