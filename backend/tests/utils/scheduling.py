"""How `make test` spreads the suite over two pytest processes (pytest-xdist, `--dist loadfile`).

A test module runs whole on one process, so its module fixtures render once. Three things keep
both processes busy to the end:

- **Heaviest first** (longest-processing-time first): the processes take modules in collection
  order, so the modules that render ads are collected first and the hundreds of quick ones
  fill the gaps at the end. xdist's own order (most tests first) is the opposite: the heavy
  modules have one or two tests each, and would come last, one process rendering while the
  other waits.
- **A weight from the markers already there**: a `slow` test renders real video (seconds to a
  minute), a `scale` test waits on real processes; any other test takes a fraction of a
  second. No timing file to keep up to date.
- **One unit for the scale-out suite**: its modules share the topology (a session fixture that
  takes half a minute to start); on one process it starts once.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

GROUPED = ("tests/scale/",)
"""Folders whose modules run as one unit, on one process: they share a costly session fixture."""

HEAVY_SECONDS = 20.0
"""About what a `slow` or `scale` test takes on two busy cores (ten to seventy seconds)."""

LIGHT_SECONDS = 0.3
"""About what any other test takes."""


@dataclass(frozen=True)
class Planned:
    nodeid: str
    heavy: bool


def unit_of(nodeid: str) -> str:
    """The unit of work a test belongs to: its module, or its folder for a grouped folder."""
    path = nodeid.split("::", 1)[0]
    for folder in GROUPED:
        if path.startswith(folder) or f"/{folder}" in path:
            return path[: path.index(folder) + len(folder)]
    return path


def heaviest_first(tests: Sequence[Planned]) -> list[int]:
    """The order to run `tests` in (indices into it): units by estimated seconds, the heaviest
    first; within a unit, and between units of equal weight, as collected."""
    weights: dict[str, float] = {}
    for test in tests:
        unit = unit_of(test.nodeid)
        weights[unit] = weights.get(unit, 0.0) + (HEAVY_SECONDS if test.heavy else LIGHT_SECONDS)
    first_seen = {unit: i for i, unit in reversed(list(enumerate(_units(tests))))}
    return sorted(
        range(len(tests)),
        key=lambda i: (
            -weights[unit_of(tests[i].nodeid)],
            first_seen[unit_of(tests[i].nodeid)],
            i,
        ),
    )


def _units(tests: Iterable[Planned]) -> list[str]:
    return [unit_of(test.nodeid) for test in tests]


def unit_scheduler(config: object, log: object) -> object:
    """xdist's `loadfile` scheduling over `unit_of`'s units, in collection order (which
    `heaviest_first` has set), instead of its own most-tests-first order."""
    from xdist.scheduler import LoadFileScheduling

    class UnitScheduling(LoadFileScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return unit_of(nodeid)

    config.option.loadscopereorder = False  # type: ignore[attr-defined]
    return UnitScheduling(config, log)  # type: ignore[arg-type]
