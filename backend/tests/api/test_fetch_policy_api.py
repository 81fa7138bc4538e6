"""The fetch policy seen from the API: links to anything but public media are refused, and the
server they point at never hears from us.

Every attack link of the issue is aimed at a loopback server that records each request it gets
(on 127.0.0.1 and ::1). What the link alone gives away is a 422 naming the field; what needs DNS
fails the clip or the job with one sentence that says nothing about the network; either way the
recording server sees nothing.
"""

from __future__ import annotations

import base64
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest

from app.config import FetchSettings, Settings
from app.main import create_app
from tests.conftest import BASE_URL
from tests.fakes import media
from tests.fakes.live_server import LiveServer
from tests.fakes.recording_server import SECRET, RecordingServer
from tests.unit.test_sniff_and_verify import manifests
from tests.utils.factories import fake_providers, poll, scenes
from tests.utils.fetching import ScriptedResolver

pytestmark = pytest.mark.anyio


class Servers:
    """The recording target on both loopbacks, and a redirector the tests may allow by name."""

    def __init__(self) -> None:
        self.target = RecordingServer()
        self.redirector = RecordingServer()
        self._live = [
            LiveServer(self.target.app()).start(),
            LiveServer(self.target.app(), host="::1").start(),
            LiveServer(self.redirector.app()).start(),
        ]
        self.port, self.port6, self.redirector_port = (s.port for s in self._live)

    def stop(self) -> None:
        for server in self._live:
            server.stop()


@pytest.fixture(scope="module")
def servers() -> Iterator[Servers]:
    running = Servers()
    yield running
    running.stop()


@pytest.fixture
def target(servers: Servers) -> Servers:
    servers.target.reset()
    servers.redirector.reset()
    return servers


@asynccontextmanager
async def studio(
    settings: Settings, resolver: ScriptedResolver | None = None
) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(settings, fake_providers())
    async with app.router.lifespan_context(app):
        if resolver is not None:
            app.state.runtime.fetcher.resolver = resolver
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url=BASE_URL) as client:
            yield client


def our_media(media_root: Path) -> tuple[str, str]:
    """A seed and a clip of our own: links to them need no network and are always fine."""
    (media_root / "seeds").mkdir(parents=True, exist_ok=True)
    (media_root / "clips").mkdir(parents=True, exist_ok=True)
    (media_root / "seeds" / "ok.png").write_bytes(media.png(108, 192, "ok"))
    (media_root / "clips" / "ok.mp4").write_bytes(media.mp4(1))
    return f"{BASE_URL}/media/seeds/ok.png", "/media/clips/ok.mp4"


def generate_body(seed: str, link: str) -> dict[str, Any]:
    storyboard = scenes()
    for scene in storyboard:
        scene["seed_image_url"] = link if scene["scene_number"] == 2 else seed
    return {"scenes": storyboard}


def compose_body(clip: str, link: str) -> dict[str, Any]:
    return {
        "clips": [
            {"scene_number": n, "video_url": link if n == 2 else clip, "duration": 6}
            for n in range(1, 6)
        ]
    }


def attack_links(servers: Servers) -> list[str]:
    port, port6 = servers.port, servers.port6
    dash = manifests(Path("/etc/hostname"))["dash"]
    return [
        f"http://127.0.0.1:{port}/x.mp4",
        f"http://127.1:{port}/x.mp4",
        f"http://0x7f000001:{port}/x.mp4",
        f"http://2130706433:{port}/x.mp4",
        f"http://017700000001:{port}/x.mp4",
        f"http://0.0.0.0:{port}/x.mp4",
        f"http://[::1]:{port6}/x.mp4",
        f"http://[::ffff:127.0.0.1]:{port}/x.mp4",
        f"http://user:pw@127.0.0.1:{port}/x.mp4",
        f"http://localhost:{port}/x.mp4",
        "http://10.0.0.1/x.mp4",
        "http://172.16.0.1/x.mp4",
        "http://192.168.1.1/x.mp4",
        "http://169.254.169.254/latest/meta-data/",
        "http://100.64.0.1/x.mp4",
        "http://[fc00::1]/x.mp4",
        "http://[fe80::1]/x.mp4",
        "http://metadata.google.internal/computeMetadata/v1/",
        "http://[::1",
        "http://example.com:99999/x.mp4",
        "data:application/dash+xml;base64," + base64.b64encode(dash).decode(),
        f"{BASE_URL}/api/status/some-job",
        f"{BASE_URL}/media/clips/missing.mp4",
        f"{BASE_URL}/media/../api/health",
    ]


def assert_reveals_nothing(text: str, servers: Servers, media_root: Path) -> None:
    """No host, address, port, path, URL or upstream body in what a client reads."""
    for secret in (
        SECRET, "127.", "::1", "localhost", "redirector", "10.0.0", "169.254", "metadata.",
        str(servers.port), str(servers.port6), str(servers.redirector_port), str(media_root),
        "http:", "https:", "etc/hostname",
    ):  # fmt: skip
        assert secret not in text, f"{secret!r} leaked in {text!r}"


@pytest.mark.parametrize("route", ["generate", "compose"])
async def test_links_known_to_be_unusable_are_a_422_and_nothing_is_fetched(
    settings: Settings, media_root: Path, target: Servers, route: str
) -> None:
    seed, clip = our_media(media_root)
    async with studio(settings) as client:
        for link in attack_links(target):
            if route == "generate":
                response = await client.post("/api/video/generate", json=generate_body(seed, link))
                where = ["body", "scenes", 1, "seed_image_url"]
            else:
                response = await client.post("/api/video/compose", json=compose_body(clip, link))
                where = ["body", "clips", 1, "video_url"]
            assert response.status_code == 422, (link, response.text)
            errors = response.json()["detail"]
            assert [(e["loc"], e["type"]) for e in errors] == [(where, "url_refused")], link
            assert_reveals_nothing(response.text, target, media_root)
    assert target.target.hits == []


def redirecting(servers: Servers, status: int, to: str) -> str:
    return f"http://redirector.test:{servers.redirector_port}/redirect/{status}?to={to}"


async def test_links_that_need_the_network_fail_the_job_with_one_sentence(
    settings: Settings, media_root: Path, target: Servers
) -> None:
    """Redirects from an allowed host to loopback or a private address, a name that resolves to a
    private address, one that does not resolve, a page that is no video: one code, one sentence."""
    settings.fetch = FetchSettings(allowed_hosts=["redirector.test"])
    resolver = ScriptedResolver(
        {"redirector.test": ["127.0.0.1"], "intranet.example.com": ["10.1.2.3"]}
    )
    port, port6 = target.port, target.port6
    links = [
        redirecting(target, 302, f"http://127.0.0.1:{port}/x.mp4"),
        redirecting(target, 307, f"http://localhost:{port}/x.mp4"),
        redirecting(target, 302, f"http://[::1]:{port6}/x.mp4"),
        redirecting(target, 307, "http://10.0.0.1/x.mp4"),
        redirecting(target, 302, "http://169.254.169.254/latest/meta-data/"),
        redirecting(target, 307, f"{BASE_URL}/api/status/some-job"),
        "https://intranet.example.com/x.mp4",
        "https://nowhere.example.com/x.mp4",
        f"http://redirector.test:{target.redirector_port}/a-secret-page",
    ]
    _, clip = our_media(media_root)
    errors = []
    async with studio(settings, resolver) as client:
        for link in links:
            started = await client.post("/api/video/compose", json=compose_body(clip, link))
            assert started.status_code == 202, (link, started.text)
            final, _ = await poll(client, f"/api/video/compose/status/{started.json()['job_id']}")
            assert final["status"] == "failed", link
            errors.append(final["error"])
            assert_reveals_nothing(str(final["error"]), target, media_root)
    assert target.target.hits == []
    assert {e["code"] for e in errors} == {"fetch_failed"}
    assert len({e["message"] for e in errors}) == 1, "a different sentence is an oracle"
    assert errors[0]["message"].startswith("The video of scene 2 could not be downloaded")
    assert sorted((media_root / "clips").iterdir()) == [media_root / "clips" / "ok.mp4"]


async def test_a_seed_link_that_fails_fails_its_clip_alone(
    settings: Settings, media_root: Path, target: Servers
) -> None:
    settings.fetch = FetchSettings(allowed_hosts=["redirector.test"])
    resolver = ScriptedResolver({"redirector.test": ["127.0.0.1"]})
    seed, _ = our_media(media_root)
    link = redirecting(target, 302, f"http://127.0.0.1:{target.port}/seed.png")
    async with studio(settings, resolver) as client:
        started = await client.post("/api/video/generate", json=generate_body(seed, link))
        assert started.status_code == 202, started.text
        final, _ = await poll(client, f"/api/video/status/{started.json()['job_id']}")
    by_scene = {c["scene_number"]: c for c in final["clips"]}
    assert by_scene[2]["error"]["code"] == "fetch_failed"
    assert "seed image of scene 2" in by_scene[2]["error"]["message"]
    assert all(by_scene[n]["status"] == "complete" for n in (1, 3, 4, 5))
    assert_reveals_nothing(f"{final['error']} {by_scene[2]['error']}", target, media_root)
    assert target.target.hits == []


async def test_a_public_link_is_fetched_into_the_store_through_the_checked_address(
    settings: Settings, media_root: Path, target: Servers
) -> None:
    settings.fetch = FetchSettings(allowed_hosts=["cdn.test"])
    resolver = ScriptedResolver({"cdn.test": ["127.0.0.1"]})
    seed, _ = our_media(media_root)
    link = f"http://cdn.test:{target.redirector_port}/seed.png"
    async with studio(settings, resolver) as client:
        started = await client.post("/api/video/generate", json=generate_body(seed, link))
        final, _ = await poll(client, f"/api/video/status/{started.json()['job_id']}")
    assert final["status"] == "complete", final
    assert target.redirector.hits == ["GET /seed.png"]
    fetched = [p.name for p in (media_root / "seeds").iterdir() if p.name != "ok.png"]
    assert len(fetched) == 1 and fetched[0].endswith(".png")


async def test_a_trickling_source_fails_the_job_at_the_deadline(
    settings: Settings, media_root: Path, target: Servers
) -> None:
    settings.fetch = FetchSettings(allowed_hosts=["127.0.0.1"], deadline_seconds=0.5)
    _, clip = our_media(media_root)
    link = f"http://127.0.0.1:{target.port}/trickle"
    async with studio(settings) as client:
        started = await client.post("/api/video/compose", json=compose_body(clip, link))
        final, _ = await poll(client, f"/api/video/compose/status/{started.json()['job_id']}")
    assert final["status"] == "failed"
    assert final["error"]["code"] == "fetch_failed"
    assert target.target.hits == ["GET /trickle"]
    assert sorted((media_root / "clips").iterdir()) == [media_root / "clips" / "ok.mp4"]
