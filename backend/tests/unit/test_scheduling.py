"""How `make test` orders the suite for its two processes (tests/utils/scheduling.py)."""

from __future__ import annotations

from tests.utils.scheduling import (
    HEAVY_SECONDS,
    LIGHT_SECONDS,
    Planned,
    heaviest_first,
    unit_of,
)


def test_a_module_is_a_unit_and_the_scale_out_folder_is_one() -> None:
    assert unit_of("tests/api/test_media.py::test_a[s3-x::y]") == "tests/api/test_media.py"
    assert unit_of("tests/scale/test_pipeline.py::test_an_ad") == "tests/scale/"
    assert unit_of("tests/scale/test_limits.py::TestX::test_b") == "tests/scale/"
    assert unit_of("backend/tests/scale/test_limits.py::test_b") == "backend/tests/scale/"
    assert unit_of("tests/scaled/test_x.py::test_c") == "tests/scaled/test_x.py"


def test_the_module_that_renders_runs_first_however_few_its_tests() -> None:
    quick = [Planned(f"tests/api/test_media.py::test_{i}", heavy=False) for i in range(60)]
    render = [Planned("tests/e2e/test_cli.py::test_render", heavy=True)]
    order = heaviest_first([*quick, *render])
    assert order[0] == 60, "the render first: sixty quick tests weigh less than one render"
    assert order[1:] == list(range(60)), "the quick ones after it, as collected"
    assert 60 * LIGHT_SECONDS < HEAVY_SECONDS


def test_units_keep_their_tests_together_and_in_collected_order() -> None:
    tests = [
        Planned("tests/a.py::one", heavy=False),
        Planned("tests/scale/test_x.py::slow", heavy=True),
        Planned("tests/b.py::slow", heavy=True),
        Planned("tests/scale/test_y.py::quick", heavy=False),
        Planned("tests/a.py::two", heavy=False),
        Planned("tests/scale/test_y.py::slow", heavy=True),
    ]
    ordered = [tests[i].nodeid for i in heaviest_first(tests)]
    assert ordered == [
        "tests/scale/test_x.py::slow",
        "tests/scale/test_y.py::quick",
        "tests/scale/test_y.py::slow",
        "tests/b.py::slow",
        "tests/a.py::one",
        "tests/a.py::two",
    ]


def test_equal_units_stay_in_the_order_first_collected() -> None:
    tests = [Planned(f"tests/m{i}.py::t", heavy=True) for i in (3, 1, 2)]
    assert heaviest_first(tests) == [0, 1, 2]
