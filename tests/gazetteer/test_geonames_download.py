"""Downloading export files from a server the test starts on 127.0.0.1: mirror, resume, errors."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from gazetteer import Gazetteer, index
from gazetteer.errors import DownloadError
from gazetteer.install import store
from gazetteer.install.download import download
from maps.cli import main
from tests.gazetteer.test_geonames_add import ROWS, write_zip

pytestmark = pytest.mark.network


class Server(ThreadingHTTPServer):
    files: dict[str, bytes]
    cut_after: int | None  # close the connection after this many bytes, once
    requests: list[tuple[str, str | None]]


class Handler(BaseHTTPRequestHandler):
    server: Server

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        name = self.path.rsplit("/", 1)[-1]
        rng = self.headers.get("Range")
        self.server.requests.append((self.path, rng))
        body = self.server.files.get(name)
        if body is None:
            self.send_error(404, "Not Found")
            return
        start = int(rng.removeprefix("bytes=").rstrip("-")) if rng else 0
        self.send_response(206 if start else 200)
        self.send_header("Content-Length", str(len(body) - start))
        self.send_header("Last-Modified", "Mon, 01 Jan 2024 00:00:00 GMT")
        self.end_headers()
        payload = body[start:]
        if self.server.cut_after is not None:
            payload, self.server.cut_after = payload[: self.server.cut_after], None
        self.wfile.write(payload)
        self.wfile.flush()
        self.close_connection = True


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    srv = Server(("127.0.0.1", 0), Handler)
    srv.files = {"IQ.zip": write_zip(tmp_path / "IQ.zip").read_bytes()}
    srv.cut_after, srv.requests = None, []
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield srv
    srv.shutdown()
    srv.server_close()


def url(srv: Server, name: str = "") -> str:
    return f"http://127.0.0.1:{srv.server_address[1]}/export/dump/{name}"


def test_a_stopped_download_resumes(server: Server, tmp_path: Path) -> None:
    server.cut_after = 200
    dest = tmp_path / "dl" / "IQ.zip"
    download(url(server, "IQ.zip"), dest, attempts=2)
    assert dest.read_bytes() == server.files["IQ.zip"]
    assert [r for _, r in server.requests] == [None, "bytes=200-"]
    assert not dest.with_name("IQ.zip.part").exists()


def test_a_download_that_keeps_stopping_says_how_to_resume(server: Server, tmp_path: Path) -> None:
    server.cut_after = 100
    dest = tmp_path / "IQ.zip"
    with pytest.raises(DownloadError, match=r"stopped at 100 bytes .* run the same command again"):
        download(url(server, "IQ.zip"), dest, attempts=1)
    download(url(server, "IQ.zip"), dest, attempts=1)  # the next run resumes
    assert dest.read_bytes() == server.files["IQ.zip"]
    assert server.requests[-1][1] == "bytes=100-"


def test_a_missing_file_is_one_error(server: Server, tmp_path: Path) -> None:
    with pytest.raises(DownloadError, match=r"ZZ.zip: HTTP 404"):
        download(url(server, "ZZ.zip"), tmp_path / "ZZ.zip")


@pytest.mark.cli
def test_a_country_code_is_downloaded_from_the_mirror(
    server: Server,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("STRIKEMAP_CACHE", str(tmp_path / "cache"))
    index.build_index(index.index_path(), sources=["curated"])
    assert main(["gazetteer", "add-geonames", "iq", "--mirror", url(server)]) == 0
    assert server.requests[0][0] == "/export/dump/IQ.zip"
    [source] = store.installed_sources()
    assert (source.name, source.rows, source.origin) == ("IQ", len(ROWS) - 1, url(server, "IQ.zip"))
    assert source.file_date == "2024-01-01"  # the server's Last-Modified
    assert Gazetteer().best("Bashiqa") is not None
    assert main(["gazetteer", "add-geonames", "ZZ", "--mirror", url(server)]) == 1
    assert capsys.readouterr().err.strip().endswith("ZZ.zip: HTTP 404 Not Found")
