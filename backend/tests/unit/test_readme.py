"""The README tells the truth about the repository: every setting is documented (and in
`backend/.env.example`), and every link and file path it names exists."""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import AliasChoices
from pydantic_settings import BaseSettings

import app
from app.config import Settings

ROOT = Path(app.__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
ENV_EXAMPLE = (ROOT / "backend/.env.example").read_text(encoding="utf-8")
MADE_AT_RUN_TIME = {
    "backend/.env",
    "backend/.venv",
    "backend/data",
    "backend/media",
    "frontend/test-artifacts",
}
"""Paths the README names that `make` or the user create, not the repository."""


def _env_names(model: type[BaseSettings]) -> list[str]:
    prefix = str(model.model_config.get("env_prefix") or "").upper()
    names = []
    for name, field in model.model_fields.items():
        annotation = field.annotation
        if isinstance(annotation, type) and issubclass(annotation, BaseSettings):
            names += _env_names(annotation)
        elif isinstance(field.validation_alias, AliasChoices):
            names.append(str(field.validation_alias.choices[0]))
        else:
            names.append(prefix + name.upper())
    return names


def _section(title: str) -> str:
    start = README.index(f"\n## {title}\n")
    end = README.find("\n## ", start + 1)
    return README[start:end]


def test_settings_are_read_from_the_names_we_expect() -> None:
    names = _env_names(Settings)
    assert {"CORS_ORIGINS", "MEDIA_ROOT", "FFMPEG_TIMEOUT_SECONDS", "REPLICATE_MOTION"} <= set(
        names
    )


def test_every_setting_is_in_the_configuration_table() -> None:
    table = _section("Configuration")
    assert [name for name in _env_names(Settings) if f"`{name}`" not in table] == []


def test_every_setting_is_in_the_env_example() -> None:
    missing = [
        name
        for name in _env_names(Settings)
        if not re.search(rf"^#? ?{re.escape(name)}(=|__)", ENV_EXAMPLE, re.MULTILINE)
    ]
    assert missing == []


def _anchor(heading: str) -> str:
    slug = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return slug.replace(" ", "-")


def test_every_relative_link_points_at_a_file_or_heading_that_exists() -> None:
    anchors = {_anchor(h) for h in re.findall(r"^#+ (.+)$", README, re.MULTILINE)}
    broken = []
    for target in re.findall(r"\]\(([^)\s]+)\)", README):
        if re.match(r"[a-z]+:", target):
            continue  # http(s), mailto: not ours to check offline
        path, _, anchor = target.partition("#")
        if path and not (ROOT / path).exists():
            broken.append(target)
        if not path and anchor not in anchors:
            broken.append(target)
    assert broken == []


def test_every_repository_path_the_readme_names_exists() -> None:
    named = set(re.findall(r"`((?:backend|frontend|scripts|examples)/[\w./-]*)`", README))
    named |= set(re.findall(r"`([\w./-]+\.md)`", README))
    missing = [
        path
        for path in sorted(named)
        if not any(path.startswith(made) for made in MADE_AT_RUN_TIME)
        and not (ROOT / path).exists()
    ]
    assert missing == []
