"""The compose status says where the captions are, and says nothing when there are none."""

from __future__ import annotations

from app.models.video import ComposeStatusResponse, JobKind, JobStatusResponse
from app.utils.job_tracker import JobTracker


def test_caption_urls_are_none_without_words_and_shown_by_both_status_routes() -> None:
    jobs = JobTracker()
    plain, worded = jobs.create(JobKind.COMPOSE), jobs.create(JobKind.COMPOSE)
    jobs.complete(plain.job_id, final_video_url="http://x/media/ads/a.mp4")
    jobs.complete(
        worded.job_id,
        final_video_url="http://x/media/ads/b.mp4",
        captions_url="http://x/media/captions/b.vtt",
        captions_srt_url="http://x/media/captions/b.srt",
    )
    for model in (ComposeStatusResponse, JobStatusResponse):
        without = model.model_validate(plain.fields())
        assert without.captions_url is None and without.captions_srt_url is None
        shown = model.model_validate(worded.fields())
        assert shown.captions_url == "http://x/media/captions/b.vtt"
        assert shown.captions_srt_url == "http://x/media/captions/b.srt"
