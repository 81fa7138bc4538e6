"""The backend's layers, read from every `import` in `app/` (the AST, so an import inside a
function or an `if TYPE_CHECKING:` block counts too).

The rules, lowest layer first:

* `app.storage` (the media store: files, keys, batches, quota, sweep, prune) imports only
  `app.storage`, `app.errors` and `app.config`. It knows nothing of fetching, FFmpeg, providers,
  jobs or the runtime, so a worker in another process can open the same store on its own.
  Turning a link into a local file needs the fetcher, so it lives in `app.services.inputs`.
* `app.ffmpeg` sees local paths only: it never imports `app.fetching` (no URL reaches it),
  `app.services`, `app.routers`, nor the process's edges (`app.runtime`, `app.deps`,
  `app.main`, `app.cli`, `app.pipeline`).
* `app.words` (what the ad says on screen, and the FFmpeg runs that burn it) sits beside
  `app.ffmpeg`, below the job services: it imports neither `app.services` nor `app.routers`,
  nor the process's edges, so the burner runs wherever the composer does.
* Job services and the pipeline take what they use, never the whole runtime: `app.services`
  and `app.pipeline` import neither `app.runtime`, `app.deps`, `app.routers`, nor FastAPI.
  The routers and the CLI unpack the runtime at the edge.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import app

APP = Path(app.__file__).parent

EDGES = ("app.runtime", "app.deps", "app.main", "app.cli", "app.pipeline")

RULES: dict[str, tuple[tuple[str, ...] | None, tuple[str, ...]]] = {
    # package: (the only app packages it may import, or None for any; packages it must not)
    "app.storage": (("app.storage", "app.errors", "app.config"), ()),
    "app.ffmpeg": (None, ("app.fetching", "app.services", "app.routers", *EDGES)),
    "app.words": (None, ("app.fetching", "app.services", "app.routers", *EDGES)),
    "app.services": (None, ("app.runtime", "app.deps", "app.routers", "fastapi", "starlette")),
    "app.pipeline": (None, ("app.runtime", "app.deps", "app.routers", "fastapi", "starlette")),
}


def _module_name(path: Path) -> str:
    parts = path.relative_to(APP.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Every module `path` imports, relative imports resolved."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                package = _module_name(path).split(".")
                anchor = package[: len(package) - node.level + (path.name == "__init__.py")]
                base = ".".join([*anchor, base] if base else anchor)
            names.add(base)
            # `from app import runtime` imports the module app.runtime
            names.update(f"{base}.{alias.name}" for alias in node.names)
    return names


def _within(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


def _modules_of(package: str) -> list[Path]:
    relative = Path(*package.split(".")[1:])
    folder = APP / relative
    return sorted(folder.rglob("*.py")) if folder.is_dir() else [APP / f"{relative}.py"]


def _is_app_module(name: str) -> bool:
    """Whether `name` is a real module or package of `app` (not a name imported from one)."""
    relative = Path(*name.split(".")[1:])
    return (APP / relative).is_dir() or (APP / f"{relative}.py").is_file()


def _violations(package: str) -> list[str]:
    allowed, forbidden = RULES[package]
    found = []
    for path in _modules_of(package):
        for name in sorted(_imports(path)):
            if any(_within(name, bad) for bad in forbidden) or (
                allowed is not None
                and _within(name, "app")
                and name != "app"
                and _is_app_module(name)
                and not any(_within(name, ok) for ok in allowed)
            ):
                found.append(f"{_module_name(path)} imports {name}")
    return found


@pytest.mark.parametrize("package", sorted(RULES))
def test_each_layer_imports_only_what_it_may(package: str) -> None:
    assert _modules_of(package), f"{package} has no modules: the rule checks nothing"
    assert _violations(package) == []


def test_the_checker_sees_imports_that_break_a_rule(tmp_path: Path) -> None:
    """The rules are only as good as the import reader: it must see every kind of import."""
    source = tmp_path / "sample.py"
    source.write_text(
        "from typing import TYPE_CHECKING\n"
        "import app.runtime\n"
        "from app.fetching import Fetcher\n"
        "from app import services\n"
        "if TYPE_CHECKING:\n"
        "    from app.routers import video\n"
        "def later():\n"
        "    from app.services.inputs import input_path\n"
    )
    seen = {name for name in _imports(source) if _within(name, "app")}
    assert {
        "app.runtime",
        "app.fetching",
        "app.services",
        "app.routers",
        "app.services.inputs",
    } <= seen
