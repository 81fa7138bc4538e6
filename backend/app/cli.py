"""The command line.

`reelsmith render brief.json -o ad.mp4`: the whole pipeline, headless, with a progress bar;
`--product-photo a.png` (repeatable) and `--logo logo.png` bring the user's own pictures in;
`--voice NAME|none` picks who speaks the voiceover (or nobody), `--no-captions` leaves the
spoken words off the picture.
`reelsmith media prune --older-than 30`: remove old intermediates no finished ad uses.
With accounts on (`AUTH_ENABLED=true`), `render` works for the owner of an API token
(`--token`, or `REELSMITH_TOKEN`; made with `POST /api/auth/tokens`).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import sys
import time
from contextlib import nullcontext
from pathlib import Path

from pydantic import ValidationError
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from sqlalchemy.exc import SQLAlchemyError

from app.assets.intake import MAX_UPLOAD_BYTES
from app.auth.accounts import user_of_api_token
from app.auth.owner import working_for
from app.config import Settings, get_settings
from app.db.engine import open_database
from app.errors import ReelsmithError, StorageUnavailable
from app.ffmpeg.formats import FORMATS
from app.models.creative_brief import Brand, CreativeBrief
from app.pipeline import render_ad
from app.runtime import open_runtime
from app.services import asset_service, project_service
from app.storage.build import build_store
from app.storage.media_store import MediaStore
from app.storage.prune import BucketFiles, apply_prune, plan_prune

TOKEN_VARIABLE = "REELSMITH_TOKEN"
NO_TOKEN = (
    "This Reelsmith has accounts (AUTH_ENABLED=true): pass an API token with --token or "
    f"{TOKEN_VARIABLE} (make one in the studio or with POST /api/auth/tokens)."
)
BAD_TOKEN = "This API token is not valid here; it may have been revoked. Make a new one."


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reelsmith", description="Turn a creative brief into a 30-second vertical video ad."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    render = commands.add_parser("render", help="render an ad from a creative brief JSON file")
    render.add_argument("brief", type=Path, help="a creative brief (see examples/*.json)")
    render.add_argument("-o", "--output", type=Path, default=Path("ad.mp4"), help="MP4 to write")
    render.add_argument(
        "--mood", type=int, default=1, help="which of the three proposed moods to use (1-3)"
    )
    render.add_argument(
        "--format",
        dest="formats",
        action="append",
        choices=FORMATS,
        help="a shape to make, repeatable (default 9:16); the first goes to -o, the others "
        "beside it as NAME-1x1.mp4 and so on",
    )
    render.add_argument(
        "--product-photo",
        type=Path,
        action="append",
        default=[],
        metavar="IMAGE",
        help="a photo of the product (PNG, JPEG or WebP); repeat for several",
    )
    render.add_argument("--logo", type=Path, metavar="IMAGE", help="the brand's logo")
    render.add_argument(
        "--voice",
        metavar="NAME|none",
        help="who speaks the voiceover (local: joe, espeak; OpenAI: coral, alloy, ...), or none "
        "for music only (default: the VOICE_NAME setting, else the provider's own voice)",
    )
    render.add_argument(
        "--token",
        default=os.environ.get(TOKEN_VARIABLE),
        help=f"an API token to work as, with accounts on (default: ${TOKEN_VARIABLE})",
    )
    render.add_argument(
        "--no-captions",
        dest="captions",
        action="store_false",
        help="no captions of the spoken words on the picture (titles and end card stay)",
    )
    media = commands.add_parser("media", help="look after the media store (MEDIA_ROOT)")
    media_commands = media.add_subparsers(dest="media_command", required=True)
    prune = media_commands.add_parser(
        "prune",
        help="remove mood images, seeds, clips and music that no finished ad uses",
        description="Remove mood images, seed images, clips and music tracks older than DAYS "
        "that no finished ad was made from. Ads are never removed.",
    )
    prune.add_argument(
        "--older-than",
        type=_days,
        required=True,
        metavar="DAYS",
        help="only files last changed more than DAYS days ago",
    )
    prune.add_argument("--dry-run", action="store_true", help="list what would go; remove nothing")
    return parser


def _days(value: str) -> float:
    try:
        days = float(value)
    except ValueError:
        days = float("nan")
    if not days > 0:
        raise argparse.ArgumentTypeError(f"{value!r} is not a positive number of days")
    return days


def load_brief(path: Path) -> CreativeBrief:
    """A brief file holds the brief itself, or `{"creative_brief": {...}}` as the API takes it."""
    data = json.loads(path.read_text())
    if isinstance(data, dict) and "creative_brief" in data:
        data = data["creative_brief"]
    return CreativeBrief.model_validate(data)


def format_path(output: Path, name: str, first: bool) -> Path:
    """Where format `name` is written: `output` for the first, `ad-1x1.mp4` beside it else."""
    return (
        output
        if first
        else output.with_name(f"{output.stem}-{name.replace(':', 'x')}{output.suffix}")
    )


async def _with_uploads(
    store: MediaStore, brief: CreativeBrief, photos: list[Path], logo: Path | None
) -> CreativeBrief:
    """The brief with the files stored as uploads, through the same checks as the studio's."""
    urls = []
    for path in photos:
        data = await asyncio.to_thread(_read_capped, path)
        urls.append((await asset_service.store_upload(store, data, "product")).url)
    update: dict[str, object] = {"product_images": [*brief.product_images, *urls]}
    if logo is not None:
        data = await asyncio.to_thread(_read_capped, logo)
        logo_url = (await asset_service.store_upload(store, data, "logo")).url
        update["brand"] = (brief.brand or Brand()).model_copy(update={"logo_url": logo_url})
    return brief.model_copy(update=update)


def _read_capped(path: Path) -> bytes:
    """At most one byte past the cap: enough for the check to refuse a larger file."""
    with path.open("rb") as source:
        return source.read(MAX_UPLOAD_BYTES + 1)


async def _render(
    brief: CreativeBrief,
    output: Path,
    mood: int,
    formats: list[str],
    console: Console,
    photos: list[Path] | None = None,
    logo: Path | None = None,
    voice: str | None = None,
    captions: bool = True,
) -> Path:
    columns = (
        TextColumn("[bold]{task.description:<22}"),
        BarColumn(bar_width=40),
        TextColumn("{task.percentage:>3.0f}%"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=console, transient=False) as progress:
        task = progress.add_task("Starting", total=1.0)

        def report(step: str, fraction: float) -> None:
            progress.update(task, description=step, completed=fraction)

        async with open_runtime(get_settings()) as runtime:
            brief = await _with_uploads(runtime.store, brief, photos or [], logo)
            result = await render_ad(
                runtime.pipeline_deps(),
                brief,
                mood_index=mood - 1,
                report=report,
                formats=formats,
                voice=voice,
                captions=captions,
            )
    await asyncio.to_thread(output.parent.mkdir, parents=True, exist_ok=True)
    for index, (name, video) in enumerate(result.videos.items()):
        target = format_path(output, name, first=index == 0)
        await asyncio.to_thread(shutil.copyfile, video, target)
        if index:
            console.print(f"[dim]{name}: {target}[/dim]")
    console.print(
        f"[dim]{result.mood.style_name} · {len(result.plan.scenes)} scenes · "
        f"{result.duration:.1f} s[/dim]"
    )
    if result.cost.calls:
        console.print(
            f"[dim]{result.cost.calls} provider calls, "
            f"estimated cost ${result.cost.estimated_usd:.2f}[/dim]"
        )
    return output


def prune_media(
    root: Path,
    days: float,
    dry_run: bool,
    keep: frozenset[str] = frozenset(),
    store: MediaStore | None = None,
) -> None:
    """Print each file removed (or, with `dry_run`, that would be) and the bytes freed.

    `keep`: keys kept whatever their age (what saved projects name). A `store` with a bucket
    is pruned in its bucket (and cache); otherwise the files under `root` are."""
    bucket = store.bucket if store is not None else None
    files = root if bucket is None else BucketFiles(bucket.remote.listing(), bucket.remote.read)
    plan = plan_prune(files, days * 86400, time.time(), keep)
    verb = "would remove" if dry_run else "removed"
    if dry_run:
        freed = plan.size
    elif store is not None and bucket is not None:
        freed = store.remove(item.key for item in plan.doomed)
    else:
        freed = apply_prune(root, plan)
    for item in plan.doomed:
        print(f"{verb} {item.key} ({_size(item.size)})")
    summary = f"{len(plan.doomed)} files, {_size(freed)}"
    print(f"Would remove {summary} (dry run)." if dry_run else f"Removed {summary} freed.")
    if plan.unrecorded_ads:
        print(
            f"{plan.unrecorded_ads} ads predate provenance records; the intermediates older "
            "than the newest of them were kept."
        )


async def project_media(settings: Settings) -> frozenset[str]:
    """What every saved project names: pruning never takes a project's pictures or clips."""
    media, database = settings.media, settings.database
    store = MediaStore(media.root, media.public_base_url)
    async with open_database(database.url, database.data_dir, media.root) as db:
        return frozenset(await project_service.media_in_use(db, store))


async def token_user(settings: Settings, token: str) -> str | None:
    """The user an API token belongs to, from the server's own database; None if none."""
    media, database = settings.media, settings.database
    async with open_database(database.url, database.data_dir, media.root) as db:
        return await user_of_api_token(db, token)


def _account(settings: Settings, token: str | None, console: Console) -> tuple[str | None, int]:
    """Who the CLI works for with accounts on (and 0), or None and an exit status."""
    if not settings.auth.enabled:
        return None, 0
    if not token:
        console.print(f"[red]{NO_TOKEN}[/red]")
        return None, 2
    user_id = asyncio.run(token_user(settings, token.strip()))
    if user_id is None:
        console.print(f"[red]{BAD_TOKEN}[/red]")
        return None, 2
    return user_id, 0


def _size(size: int) -> str:
    value, unit = float(size), "bytes"
    for bigger in ("KB", "MB", "GB", "TB"):
        if value < 1024:
            break
        value, unit = value / 1024, bigger
    return f"{size} bytes" if unit == "bytes" else f"{value:.1f} {unit}"


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    console = Console(stderr=True)
    if args.command == "media":
        try:
            settings = get_settings()
            keep = asyncio.run(project_media(settings))
            store = build_store(settings)
            prune_media(settings.media.root, args.older_than, args.dry_run, keep, store)
        except SQLAlchemyError as exc:
            # Without the projects, pruning could take what a saved project shows: nothing goes.
            console.print(
                f"[red]Pruning stopped: the projects database could not be read:[/red] {exc}"
            )
            return 1
        except OSError as exc:
            console.print(f"[red]Pruning stopped:[/red] {exc}")
            return 1
        except StorageUnavailable as exc:
            console.print(f"[red]Pruning stopped:[/red] {exc.message}")
            return 1
        return 0
    try:
        brief = load_brief(args.brief)
    except (OSError, json.JSONDecodeError, ValidationError) as exc:
        console.print(f"[red]Cannot read the brief {args.brief}:[/red] {exc}")
        return 2
    user_id, refused = _account(get_settings(), args.token, console)
    if refused:
        return refused
    try:
        formats = list(dict.fromkeys(args.formats or ["9:16"]))
        with working_for(user_id) if user_id else nullcontext():
            output = asyncio.run(
                _render(
                    brief,
                    args.output,
                    args.mood,
                    formats,
                    console,
                    args.product_photo,
                    args.logo,
                    voice=args.voice,
                    captions=args.captions,
                )
            )
    except OSError as exc:
        console.print(f"[red]Cannot read a photo:[/red] {exc}")
        return 2
    except ReelsmithError as exc:
        console.print(f"[red]Rendering failed ({exc.code}):[/red] {exc.message}")
        return 1
    print(output.resolve())
    return 0


if __name__ == "__main__":
    sys.exit(main())
