"""Files that make a demuxer open what they name: what an attacker hands over as "a clip".

Each points at `target`, a local file, the way a DASH manifest, an HLS playlist, an ffconcat
list and an SDP description do. FFmpeg, left to guess a demuxer from the content, follows the
DASH and ffconcat ones (`tests/ffmpeg/test_local_file_read.py` shows it); the rest it refuses
only by its own defaults.
"""

from __future__ import annotations

from pathlib import Path

KINDS = ("dash", "hls", "ffconcat", "sdp")


def manifest(kind: str, target: Path) -> str:
    if kind == "dash":
        return f"""<?xml version="1.0"?>
<MPD xmlns="urn:mpeg:dash:schema:mpd:2011" type="static" mediaPresentationDuration="PT2S"
     minBufferTime="PT1S" profiles="urn:mpeg:dash:profile:isoff-on-demand:2011">
 <Period><AdaptationSet mimeType="video/mp4">
  <Representation id="1" bandwidth="1000" width="64" height="114" codecs="avc1.64001e">
   <BaseURL>{target}</BaseURL>
  </Representation>
 </AdaptationSet></Period>
</MPD>
"""
    if kind == "hls":
        return f"#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:2,\n{target}\n#EXT-X-ENDLIST\n"
    if kind == "ffconcat":
        # A relative, portable name passes the concat demuxer's own "safe" check.
        return f"ffconcat version 1.0\nfile {target.name}\n"
    if kind == "sdp":
        return (
            "v=0\no=- 0 0 IN IP4 127.0.0.1\ns=x\nc=IN IP4 127.0.0.1\nt=0 0\n"
            "m=video 5004 RTP/AVP 96\na=rtpmap:96 H264/90000\n"
        )
    raise ValueError(f"unknown manifest kind {kind!r}; expected one of {KINDS}")
