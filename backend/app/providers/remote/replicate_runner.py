"""One Replicate model, as a provider uses it: a concurrency cap, input files uploaded, a
prediction, its cost (whatever the prediction's end), and its output fetched into our store and
checked.

Each remote provider owns one runner, and the runner owns its connections (the client's
transport and a download client) and closes them in `aclose()`.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping, Sequence
from contextlib import AbstractAsyncContextManager
from pathlib import Path

import httpx
from replicate.prediction import Prediction

from app.config import ReplicateSettings
from app.config_models import InputRole, ReplicateModel
from app.errors import ProviderBadOutput
from app.models.cost import ProviderCall
from app.providers.base import ProgressCallback
from app.providers.remote.backoff import Backoff
from app.providers.remote.model_inputs import build_input, output_urls
from app.providers.remote.predictions import PollPolicy, Sleep, failure_reason, run_prediction
from app.providers.remote.pricing import prediction_cost
from app.providers.remote.replicate_client import build_client
from app.providers.remote.uploads import uploaded
from app.storage.fetch import download
from app.utils.costs import record

Check = Callable[[Path], object]
"""A blocking decode check that raises `ProviderBadOutput` (see `app.storage.verify`)."""


class ReplicateRunner:
    def __init__(
        self,
        settings: ReplicateSettings,
        model: ReplicateModel,
        capability: str,
        max_download_bytes: int,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        self.model = model
        self.capability = capability
        self._settings = settings
        self._max_bytes = max_download_bytes
        self._sleep = sleep
        self._transport = httpx.AsyncHTTPTransport()
        self.client = build_client(settings, self._transport)
        self._downloads = httpx.AsyncClient(
            timeout=httpx.Timeout(settings.download_timeout_seconds, connect=10.0)
        )
        self.slots = asyncio.Semaphore(model.max_concurrent)
        """Held for a whole prediction, download included; providers take it."""

    @property
    def name(self) -> str:
        return f"replicate:{self.model.owner_name}"

    async def predict(
        self,
        values: Mapping[InputRole, object],
        *,
        media_seconds: float = 0.0,
        on_progress: ProgressCallback | None = None,
    ) -> list[str]:
        """Run the model and return its output URLs; raises unless it succeeded with some.

        `media_seconds` is the length of media asked for, for models priced per second of it.
        """
        policy = PollPolicy(
            interval=self._settings.poll_interval,
            deadline=self.model.deadline_seconds,
            create=self._backoff(),
            settle=self._settings.timeout_seconds,
        )
        created: list[Prediction] = []
        try:
            prediction = await run_prediction(
                self.client,
                self.model,
                build_input(self.model, values),
                policy,
                on_progress=on_progress,
                on_created=created.append,
                sleep=self._sleep,
            )
        finally:
            # Charged however it ended: a prediction canceled at its deadline, or because a
            # sibling failed, may have run on a GPU too.
            if created:
                self._record(created[0], media_seconds)
        if prediction.status != "succeeded":
            raise failure_reason(prediction)
        urls = output_urls(prediction.output)
        if not urls:
            raise ProviderBadOutput(
                f"{self.model.owner_name} succeeded but returned no file (output: "
                f"{str(prediction.output)[:200]!r})."
            )
        return urls

    def upload(
        self, data: bytes, filename: str, content_type: str, what: str
    ) -> AbstractAsyncContextManager[str]:
        """`async with runner.upload(...) as url:` the file on Replicate, deleted after."""
        return uploaded(
            self.client,
            data,
            filename=filename,
            content_type=content_type,
            what=what,
            backoff=self._backoff(),
            request_seconds=self._settings.timeout_seconds,
            sleep=self._sleep,
        )

    async def fetch(self, url: str, out: Path, accept: Sequence[str], check: Check) -> Path:
        """Download one output to `out` now (Replicate's URLs expire) and decode-check it."""
        await asyncio.to_thread(out.parent.mkdir, parents=True, exist_ok=True)
        await download(
            self._downloads,
            url,
            out,
            self._max_bytes,
            accept=accept,
            total_seconds=self._settings.download_timeout_seconds,
            label=f"the output of {self.model.owner_name}",
        )
        try:
            await asyncio.to_thread(check, out)
        except BaseException:
            await asyncio.to_thread(out.unlink, missing_ok=True)
            raise
        return out

    async def aclose(self) -> None:
        await self._downloads.aclose()
        await self._transport.aclose()

    def _backoff(self) -> Backoff:
        return Backoff(
            attempts=self._settings.create_attempts,
            base=self._settings.backoff_base_seconds,
            cap=self._settings.backoff_max_seconds,
        )

    def _record(self, prediction: Prediction, media_seconds: float) -> None:
        metrics = prediction.metrics or {}
        predict_time = metrics.get("predict_time")
        estimate = prediction_cost(
            self.model.price_usd,
            self.model.price_per,
            outcome=prediction.status,
            outputs=len(output_urls(prediction.output)),
            media_seconds=media_seconds,
            predict_time=float(predict_time) if isinstance(predict_time, int | float) else None,
        )
        record(
            ProviderCall(
                provider="replicate",
                model=self.model.model,
                capability=self.capability,
                outcome=prediction.status,
                units=estimate.units,
                unit=estimate.unit,
                estimated_usd=estimate.usd,
            )
        )
