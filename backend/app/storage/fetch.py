"""Bring a foreign file (a URL we did not mint) into the media store.

Used when a client hands us a URL that is not ours (a clip made elsewhere) and for every output
of a remote model, whose URLs expire. The download is streamed to disk beside its target and
renamed into place, with a size cap, a content-type check and an overall timeout, so a huge,
mislabelled or stalled file can neither hurt the server nor be half-visible to a reader.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
from collections.abc import Sequence
from pathlib import Path

import anyio
import httpx

from app.errors import ProviderBadOutput, ProviderError, ProviderTimedOut
from app.storage.media_store import MediaStore
from app.storage.partials import partial_path

_CHUNK = 1 << 16
_GENERIC_TYPES = ("application/octet-stream", "binary/octet-stream", "")
"""Types a CDN uses when it does not know better; the decode check that follows judges those."""


async def fetch_into_store(
    client: httpx.AsyncClient,
    store: MediaStore,
    url: str,
    folder: str,
    suffix: str,
    max_bytes: int,
) -> Path:
    """Download `url` into `folder/` of the store and return the local path."""
    async with store.writing(folder, suffix) as target:
        await download(client, url, target.partial, max_bytes)
    return target.path


async def download(
    client: httpx.AsyncClient,
    url: str,
    dest: Path,
    max_bytes: int,
    accept: Sequence[str] = (),
    total_seconds: float | None = None,
    label: str | None = None,
) -> Path:
    """Write `url` (http(s) or a `data:` URI) to `dest` and return it.

    `accept` lists content-type prefixes (`image/`, ...) the file must have; generic binary types
    pass, for a decode check to judge. `total_seconds` bounds the whole transfer, not one read.
    `label` names the file in error messages instead of its URL (a provider's URL is never
    shown to a client).
    """
    name = label or _short(url)
    partial = partial_path(dest)
    try:
        async with asyncio.timeout(total_seconds):
            if url.startswith("data:"):
                received = await _write_data_uri(url, name, partial, max_bytes, accept)
            else:
                received = await _stream(client, url, name, partial, max_bytes, accept)
    except TimeoutError as exc:
        partial.unlink(missing_ok=True)
        raise ProviderTimedOut(f"Fetching {name} took over {total_seconds} s.") from exc
    except httpx.TimeoutException as exc:
        partial.unlink(missing_ok=True)
        raise ProviderTimedOut(f"Fetching {name} timed out.") from exc
    except httpx.HTTPError as exc:
        partial.unlink(missing_ok=True)
        raise ProviderError(f"Could not fetch {name}: {exc}.") from exc
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    if received == 0:
        partial.unlink(missing_ok=True)
        raise ProviderBadOutput(_capital(f"{name} is empty."))
    partial.replace(dest)
    return dest


async def _stream(
    client: httpx.AsyncClient,
    url: str,
    name: str,
    partial: Path,
    max_bytes: int,
    accept: Sequence[str],
) -> int:
    received = 0
    async with client.stream("GET", url, follow_redirects=True) as response:
        if response.status_code != 200:
            raise ProviderBadOutput(
                f"Could not fetch {name}: the server answered HTTP {response.status_code}."
            )
        _check_type(name, response.headers.get("content-type", ""), accept)
        async with await anyio.open_file(partial, "wb") as sink:
            async for chunk in response.aiter_bytes(_CHUNK):
                received += len(chunk)
                if received > max_bytes:
                    raise ProviderBadOutput(
                        _capital(f"{name} is larger than {_megabytes(max_bytes)}")
                    )
                await sink.write(chunk)
    return received


async def _write_data_uri(
    url: str, name: str, partial: Path, max_bytes: int, accept: Sequence[str]
) -> int:
    header, _, payload = url.partition(",")
    if len(payload) * 3 // 4 > max_bytes:
        raise ProviderBadOutput(_capital(f"{name} is larger than {_megabytes(max_bytes)}"))
    _check_type(name, header.removeprefix("data:").split(";")[0], accept)
    try:
        data = base64.b64decode(payload, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise ProviderBadOutput(_capital(f"{name} is not valid base64.")) from exc
    await anyio.Path(partial).write_bytes(data)
    return len(data)


def _check_type(name: str, content_type: str, accept: Sequence[str]) -> None:
    kind = content_type.split(";")[0].strip().lower()
    if not accept or kind in _GENERIC_TYPES or kind.startswith(tuple(accept)):
        return
    wanted = " or ".join(prefix.rstrip("/") for prefix in accept)
    raise ProviderBadOutput(_capital(f"{name} is {kind}, not {wanted}."))


def _megabytes(size: int) -> str:
    return f"the {size / (1024 * 1024):g} MB limit."


def _capital(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]


def _short(url: str) -> str:
    """URLs in messages: never a whole data URI, never a signed query string."""
    if url.startswith("data:"):
        return "an inline output"
    return url.split("?", 1)[0]
