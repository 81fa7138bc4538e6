"""A server's worth of work, run in a child process for `test_killed_job` to kill with -9.

`python -m tests.storage.killed_worker MEDIA_ROOT`: starts a clip job (five scenes, rendered by
the real local motion provider) and a compose of three clips already in the store, then waits
for the signal. The store must hold `seeds/seed.png` and `clips/c1.mp4` ... `clips/c3.mp4`.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from app.config import FFmpegSettings, MediaSettings, Settings
from app.models.creative_brief import BriefFields
from app.models.mood import MoodStyle
from app.models.scene import SceneWithSeed
from app.models.video import ComposeClip
from app.providers.local.director import LocalDirector
from app.providers.local.images import LocalImageProvider
from app.providers.local.motion import LocalMotionProvider
from app.providers.local.music import LocalMusicProvider
from app.providers.registry import Providers
from app.runtime import open_runtime
from app.services import clip_service, composition_service

BASE_URL = "http://testserver"


async def work(root: Path) -> None:
    ffmpeg = FFmpegSettings(max_concurrent=3)
    settings = Settings(media=MediaSettings(root=root, public_base_url=BASE_URL), ffmpeg=ffmpeg)
    providers = Providers(
        director=LocalDirector(),
        images=LocalImageProvider(),
        motion=LocalMotionProvider(ffmpeg),
        music=LocalMusicProvider(),
    )
    async with open_runtime(settings, providers) as runtime:
        scenes = [
            SceneWithSeed(
                scene_number=number,
                duration=6,
                description=f"Scene {number}: the bottle on marble",
                seed_image_url=f"{BASE_URL}/media/seeds/seed.png",
            )
            for number in range(1, 6)
        ]
        await clip_service.start_clip_job(runtime.clip_job_deps(), runtime.background, scenes)
        clips = [
            ComposeClip(scene_number=n, video_url=f"{BASE_URL}/media/clips/c{n}.mp4", duration=10)
            for n in (1, 2, 3)
        ]
        brief = BriefFields(product_name="Serum", emotional_tone=["calm"])
        await composition_service.start_compose_job(
            runtime.compose_job_deps(), runtime.background, clips, MoodStyle(), brief
        )
        print("working", flush=True)
        await asyncio.sleep(3600)


if __name__ == "__main__":
    asyncio.run(work(Path(sys.argv[1])))
