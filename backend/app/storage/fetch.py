"""Bring a foreign file (a URL we did not mint) into the media store.

Used when a client hands us a URL that is not ours, e.g. a clip made elsewhere. The download is
streamed to disk with a size cap and a timeout, so a huge or stalled file cannot hurt the server.
"""

from __future__ import annotations

from pathlib import Path

import anyio
import httpx

from app.errors import ProviderBadOutput, ProviderError, ProviderTimedOut
from app.storage.media_store import MediaStore

_CHUNK = 1 << 16


async def fetch_into_store(
    client: httpx.AsyncClient,
    store: MediaStore,
    url: str,
    folder: str,
    suffix: str,
    max_bytes: int,
) -> Path:
    """Download `url` into `folder/` of the store and return the local path."""
    target = store.allocate(folder, suffix)
    partial = target.path.with_name(target.path.name + ".part")
    received = 0
    try:
        async with client.stream("GET", url, follow_redirects=True) as response:
            if response.status_code != 200:
                raise ProviderBadOutput(
                    f"Could not fetch {url}: the server answered HTTP {response.status_code}."
                )
            async with await anyio.open_file(partial, "wb") as sink:
                async for chunk in response.aiter_bytes(_CHUNK):
                    received += len(chunk)
                    if received > max_bytes:
                        raise ProviderBadOutput(
                            f"{url} is larger than the {max_bytes // (1024 * 1024)} MB limit."
                        )
                    await sink.write(chunk)
    except httpx.TimeoutException as exc:
        partial.unlink(missing_ok=True)
        raise ProviderTimedOut(f"Fetching {url} timed out.") from exc
    except httpx.HTTPError as exc:
        partial.unlink(missing_ok=True)
        raise ProviderError(f"Could not fetch {url}: {exc}.") from exc
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    if received == 0:
        partial.unlink(missing_ok=True)
        raise ProviderBadOutput(f"{url} is empty.")
    partial.replace(target.path)
    return target.path
