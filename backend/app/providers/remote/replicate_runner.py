"""One Replicate model, as a provider uses it: a concurrency cap, input files uploaded, a
prediction, its cost (whatever the prediction's end), and its output fetched into our store and
checked.

Each remote provider owns one runner, and the runner owns the client's transport and closes it
in `aclose()`. Outputs are fetched with the process's one `Fetcher`, under the same policy as a
client's links: a provider's answer is no more trusted than a user's.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping
from contextlib import AbstractAsyncContextManager
from pathlib import Path

import httpx
from replicate.prediction import Prediction

from app.config import ReplicateSettings
from app.config_models import InputRole, ReplicateModel
from app.errors import ProviderBadOutput
from app.fetching import Fetcher, FetchError, MediaKind
from app.models.cost import ProviderCall
from app.providers.base import ProgressCallback, RemoteRun
from app.providers.remote.backoff import Backoff
from app.providers.remote.model_inputs import build_input, output_urls
from app.providers.remote.output_errors import output_error
from app.providers.remote.predictions import (
    PollPolicy,
    Sleep,
    attach_prediction,
    failure_reason,
    run_prediction,
)
from app.providers.remote.pricing import SUCCEEDED, Estimate, prediction_cost
from app.providers.remote.replicate_client import build_client
from app.providers.remote.uploads import uploaded
from app.utils.costs import record

logger = logging.getLogger(__name__)


class ReplicateRunner:
    def __init__(
        self,
        settings: ReplicateSettings,
        model: ReplicateModel,
        capability: str,
        fetcher: Fetcher,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        self.model = model
        self.capability = capability
        self._settings = settings
        self._fetcher = fetcher
        self._sleep = sleep
        self._transport = httpx.AsyncHTTPTransport()
        self.client = build_client(settings, self._transport)
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
        remote: RemoteRun | None = None,
    ) -> list[str]:
        """Run the model and return its output URLs; raises unless it succeeded with some.

        `media_seconds` is the length of media asked for, for models priced per second of it.
        `remote` hears the prediction's id as soon as it is created (see `RemoteRun`).
        """
        created: list[Prediction] = []

        def on_created(prediction: Prediction) -> None:
            if not created and remote is not None:
                remote.created(prediction.id)
            created.append(prediction)

        try:
            prediction = await run_prediction(
                self.client,
                self.model,
                build_input(self.model, values),
                self._policy(),
                on_progress=on_progress,
                on_created=on_created,
                sleep=self._sleep,
                keep_on_shutdown=remote.keep_on_shutdown if remote else lambda: False,
            )
        finally:
            # Charged however it ended: a prediction canceled at its deadline, or because a
            # sibling failed, may have run on a GPU too.
            if created:
                self._record(created[0], media_seconds)
        return self._outputs(prediction)

    async def reattach(
        self,
        remote: RemoteRun,
        *,
        media_seconds: float = 0.0,
        on_progress: ProgressCallback | None = None,
    ) -> list[str] | None:
        """The output URLs of `remote.resume_id`, a prediction an earlier process created and
        this one polls on to its end; None when there is none to re-attach to (then `predict`)."""
        if remote.resume_id is None:
            return None
        prediction = await attach_prediction(
            self.client,
            self.model,
            remote.resume_id,
            self._policy(),
            on_progress=on_progress,
            sleep=self._sleep,
            keep_on_shutdown=remote.keep_on_shutdown,
        )
        if prediction is None:
            logger.info("prediction %s is gone; creating a new one", remote.resume_id)
            return None
        self._record(prediction, media_seconds)
        return self._outputs(prediction)

    def _policy(self) -> PollPolicy:
        return PollPolicy(
            interval=self._settings.poll_interval,
            deadline=self.model.deadline_seconds,
            create=self._backoff(),
            settle=self._settings.timeout_seconds,
        )

    def _outputs(self, prediction: Prediction) -> list[str]:
        if prediction.status != "succeeded":
            raise failure_reason(prediction)
        urls = output_urls(prediction.output)
        if not urls:
            # What it returned instead goes to the log: it is the provider's, not the user's.
            logger.warning("%s returned no file: %.200r", self.model.owner_name, prediction.output)
            raise ProviderBadOutput(f"{self.model.owner_name} succeeded but returned no file.")
        return urls

    def quote(self, media_seconds: float = 0.0) -> Estimate:
        """What one successful prediction is expected to cost, from the same price table and
        arithmetic as the bill; GPU-time prices take the model's `estimate_compute_seconds`."""
        return prediction_cost(
            self.model.price_usd,
            self.model.price_per,
            outcome=SUCCEEDED,
            outputs=1,
            media_seconds=media_seconds,
            predict_time=self.model.estimate_compute_seconds,
        )

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

    async def fetch(self, url: str, out: Path, kind: MediaKind) -> Path:
        """Download one output to `out` now (Replicate's URLs expire), decode-checked.

        Under the same policy as a client's link: an output that points at a private address
        is refused like any other. Inline `data:` outputs are accepted (Replicate answers with
        them when asked to wait for a result).
        """
        await asyncio.to_thread(out.parent.mkdir, parents=True, exist_ok=True)
        seconds = self._settings.download_timeout_seconds
        try:
            return await self._fetcher.fetch(url, out, kind, deadline=seconds, allow_data=True)
        except FetchError as exc:
            raise output_error(exc, self.model.owner_name, kind, seconds) from exc

    async def aclose(self) -> None:
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
