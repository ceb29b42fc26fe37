"""maps.cli.main: the packages' errors in one line, a closed pipe quietly, bugs as they are."""

from __future__ import annotations

import argparse

import pytest

import maps.cli
from gazetteer.errors import InvalidQuery
from geo.errors import EventsFileError
from maps.cli.common import CommandError

pytestmark = pytest.mark.cli


def _command(monkeypatch: pytest.MonkeyPatch, error: BaseException) -> None:
    def run(args: argparse.Namespace) -> int:
        raise error

    parser = maps.cli.build_parser()
    original = parser.parse_args

    def parse_args(argv: object = None) -> argparse.Namespace:
        args = original(["map", "x.geojson"])
        args.run = run
        return args

    monkeypatch.setattr(parser, "parse_args", parse_args)
    monkeypatch.setattr(maps.cli, "build_parser", lambda: parser)


@pytest.mark.parametrize(
    "error",
    [InvalidQuery("bad query\nsecond line"), EventsFileError("e.csv row 2: x"), CommandError("c")],
)
def test_package_errors_are_one_line(monkeypatch, capsys, error) -> None:
    _command(monkeypatch, error)
    assert maps.cli.main([]) == 1
    err = capsys.readouterr().err
    assert err.startswith("strikemap: error: ") and len(err.strip().splitlines()) == 1


def test_a_closed_pipe_is_quiet_and_a_bug_is_raised(monkeypatch, capsys) -> None:
    _command(monkeypatch, BrokenPipeError())
    assert maps.cli.main([]) == 0
    _command(monkeypatch, ZeroDivisionError("bug"))
    with pytest.raises(ZeroDivisionError):
        maps.cli.main([])
