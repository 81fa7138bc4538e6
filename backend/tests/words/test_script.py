"""The ASS script, the font configuration and the burner's argv, as pure values."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from app.ffmpeg.args import Encoding
from app.ffmpeg.binary import ffmpeg_path
from app.ffmpeg.form import final_video_args
from app.ffmpeg.formats import FORMATS, format_size
from app.ffmpeg.inputs import FileInput
from app.words.ass import DEFAULT_ACCENT, Card, Placed, ass_colour, ass_document, ass_time, rgb
from app.words.burn import Burn, burn_range_args, filter_path, words_graph
from app.words.cues import Cue
from app.words.fonts import fonts_conf, prepare_fonts
from app.words.layout import layout_for
from app.words.render import keyframe_spans

CUE = Cue(30, 60, ("Glow", "that", "lasts"), (30, 40, 50))


def _events(script: str, style: str) -> list[str]:
    return [
        line
        for line in script.splitlines()
        if line.startswith("Dialogue:") and f",{style}," in line
    ]


@pytest.mark.parametrize("name", FORMATS)
def test_the_script_is_sized_to_the_frame_it_is_burned_into(name: str) -> None:
    width, height = format_size(name, 1080, 1920)
    script = ass_document(layout_for(width, height), "DejaVu Sans", True, [CUE], [], None, None)
    assert f"PlayResX: {width}\nPlayResY: {height}\n" in script


def test_one_word_is_lit_at_a_time_in_the_accent_colour() -> None:
    layout = layout_for(1080, 1920)
    script = ass_document(layout, "DejaVu Sans", True, [CUE], [], None, "#E4572E")
    events = _events(script, "Caption")
    lit = ass_colour(rgb("#e4572e", DEFAULT_ACCENT))
    assert lit == "&H002E57E4"
    assert len(events) == 3
    times = [(e.split(",")[1], e.split(",")[2]) for e in events]
    assert times == [
        (ass_time(30), ass_time(40)),
        (ass_time(40), ass_time(50)),
        (ass_time(50), ass_time(60)),
    ]
    for index, event in enumerate(events):
        assert event.count(lit) == 1
        assert (
            re.search(r"\{\\1c&H[0-9A-F]{8}&\}(\w+)", event.split(",", 9)[9]).group(1)
            == CUE.words[index]
        )  # type: ignore[union-attr]
    default = ass_document(layout, "DejaVu Sans", True, [CUE], [], None, None)
    assert ass_colour(rgb(DEFAULT_ACCENT, DEFAULT_ACCENT)) in _events(default, "Caption")[0]


def test_a_frame_boundary_becomes_a_time_libass_shows_from_that_frame() -> None:
    # Frame n is shown at n/30 s; libass shows an event from its start, to before its end.
    for frame in range(0, 901):
        centis = (
            int(ass_time(frame).split(".")[1])
            + 100 * int(ass_time(frame)[-5:-3])
            + 6000 * int(ass_time(frame)[2:4])
        )
        assert (frame - 1) * 1000 / 30 < centis * 10 <= frame * 1000 / 30


def test_users_words_cannot_become_ass_commands() -> None:
    layout = layout_for(1080, 1920)
    title = Placed(10, 20, "{\\pos(0,0)\\fs400}Huge \\N text")
    card = Card(800, 900, "Name}{\\c&H0000FF&", "Buy {now}")
    script = ass_document(layout, "DejaVu Sans", True, [], [title], card, None)
    for line in (
        _events(script, "Title") + _events(script, "CardName") + _events(script, "CardAction")
    ):
        text = line.split(",", 9)[9]
        said = re.sub(r"^\{[^}]*\}", "", text)
        assert "{" not in said and "}" not in said and "\\" not in said, line


def test_titles_fade_and_rise_in_and_fade_out_at_the_top_of_the_safe_area() -> None:
    layout = layout_for(1080, 1920)
    script = ass_document(layout, "DejaVu Sans", True, [], [Placed(10, 100, "Hi")], None, None)
    (event,) = _events(script, "Title")
    assert "\\fad(" in event and f"\\move(540,{layout.top + 38},540,{layout.top}" in event
    assert layout.top == round(0.12 * 1920) and layout.bottom == round(0.20 * 1920)


def test_fontconfig_is_given_our_folder_and_nothing_of_the_machines(tmp_path: Path) -> None:
    conf = fonts_conf(Path("/a&b/fonts"), Path("/a&b/cache"))
    assert "<include" not in conf and conf.count("<dir>") == 1
    assert "<dir>/a&amp;b/fonts</dir>" in conf
    setup = prepare_fonts(tmp_path, None)
    assert sorted(p.name for p in setup.folder.iterdir()) == ["DejaVuSans-Bold.ttf"]
    assert (setup.family, setup.bold) == ("DejaVu Sans", True)
    assert setup.env() == {"FONTCONFIG_FILE": str(setup.config)}


def test_spans_grow_to_the_keyframes_around_them_and_merge() -> None:
    keys = [0, 120, 135, 300, 315, 450]
    assert keyframe_spans([(0, 120), (135, 300)], keys, 900) == [(0, 120), (135, 300)]
    # A slowly composed ad has keyframes only where segments begin: the crossfade comes along.
    assert keyframe_spans([(135, 300)], [0, 135, 315], 900) == [(135, 315)]
    assert keyframe_spans([(0, 100), (110, 200)], [0, 135], 900) == [(0, 900)]
    assert keyframe_spans([(700, 900)], [0, 600], 900) == [(600, 900)]


def test_a_burned_span_is_read_from_its_keyframe_and_encoded_like_the_clips(tmp_path: Path) -> None:
    ad = FileInput(tmp_path / "ad.mp4", "mov")
    burn = Burn(tmp_path / "w.ass", tmp_path / "fonts", layout_for(1080, 1920))
    encoding = Encoding(preset="veryfast", crf=20)
    args = burn_range_args(ad, 135, 300, burn, None, tmp_path / "out.mp4", encoding)
    assert args[: args.index("-i")] == [
        "-f", "mov", "-protocol_whitelist", "file", "-noaccurate_seek", "-ss", f"{135.5 / 30:g}",
        "-t", f"{167 / 30:g}",
    ]  # fmt: skip
    joined = " ".join(args)
    assert " ".join(final_video_args(encoding, (0,))) in joined
    assert args[-3:] == ["-frames:v", "165", str(tmp_path / "out.mp4")]
    assert "setpts=N+135,ass=" in joined


@pytest.mark.slow
def test_a_folder_named_with_filter_syntax_is_still_just_a_folder(tmp_path: Path) -> None:
    odd = tmp_path / "it's [a], b; c:d"
    odd.mkdir()
    layout = layout_for(180, 320)
    fonts = prepare_fonts(odd, None)
    script = odd / "w.ass"
    script.write_text(
        ass_document(layout, fonts.family, fonts.bold, [Cue(0, 30, ("Hi",), (0,))], [], None, None)
    )
    graph = words_graph(Burn(script, fonts.folder, layout), "0:v:0", "v", 0, 30)
    assert filter_path(odd).count("\\") >= 6
    done = subprocess.run(
        [
            ffmpeg_path(), "-v", "error", "-f", "lavfi", "-i", "color=c=black:s=180x320:r=30:d=1",
            "-filter_complex", graph, "-map", "[v]", "-frames:v", "1",
            "-f", "rawvideo", "-pix_fmt", "gray", "pipe:1",
        ],
        capture_output=True,
        env=fonts.env(),
        check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert max(done.stdout) > 100, "the word was drawn"
