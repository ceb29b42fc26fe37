"""Tests for the opt-in online geocoder, against a fake Nominatim/GeoNames on 127.0.0.1.

Nothing here reaches the internet: every geocoder points at a stdlib HTTP server
started on port 0 by the ``server`` fixture, which counts and records requests.
"""

from __future__ import annotations

import json
import math
import re
import socket
import threading
import time
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from gazetteer.errors import GazetteerError, GeocoderTimeout, GeocoderUnavailable, InvalidQuery
from gazetteer.index import cache_dir, set_cache_dir
from gazetteer.online.cache import CACHE_ENV, OnlineCache, default_cache_path
from gazetteer.online.client import (
    ONLINE_SERVICES,
    OnlineGeocoder,
    get_online_geocoder,
    place_from_geonames,
    place_from_nominatim,
)

pytestmark = pytest.mark.network

#: The built gazetteer index, kept when the tests point $STRIKEMAP_CACHE elsewhere.
INDEX_CACHE = cache_dir()

USER_AGENT = "strikemap-tests/0.1 (tests@example.org)"

BAGHDAD = {
    "place_id": 12345,
    "licence": "Data © OpenStreetMap contributors, ODbL 1.0.",
    "osm_type": "relation",
    "osm_id": 3256491,
    "lat": "33.3152",
    "lon": "44.3661",
    "class": "place",
    "type": "city",
    "place_rank": 16,
    "importance": 0.7123456,
    "addresstype": "city",
    "name": "Baghdad",
    "display_name": "Baghdad, Baghdad Governorate, Iraq",
    "address": {
        "city": "Baghdad",
        "state": "Baghdad Governorate",
        "country": "Iraq",
        "country_code": "iq",
    },
    "extratags": {"population": "8126755"},
    "boundingbox": ["33.1", "33.5", "44.2", "44.6"],
}
BIAP = {
    "place_id": 777,
    "osm_type": "way",
    "osm_id": 24981032,
    "lat": "33.2625",
    "lon": "44.2346",
    "class": "aeroway",
    "type": "aerodrome",
    "place_rank": 30,
    "importance": 0.41,
    "addresstype": "aeroway",
    "name": "Baghdad International Airport",
    "display_name": "Baghdad International Airport, Baghdad, Iraq",
    "address": {"aeroway": "Baghdad International Airport", "country_code": "iq"},
    "boundingbox": ["33.2", "33.3", "44.18", "44.28"],
}
GEONAMES_BAGHDAD = {
    "geonameId": 98182,
    "name": "Baghdad",
    "toponymName": "Baghdad",
    "lat": "33.34058",
    "lng": "44.40088",
    "countryCode": "IQ",
    "countryName": "Iraq",
    "fcl": "P",
    "fcode": "PPLC",
    "population": 7216000,
    "adminName1": "Baghdad",
}
GEONAMES_AIRPORT = {
    "geonameId": 98245,
    "name": "Baghdad International Airport",
    "lat": "33.26251",
    "lng": "44.23462",
    "countryCode": "IQ",
    "fcl": "S",
    "fcode": "AIRP",
    "population": 0,
    "adminName1": "Baghdad",
}


@dataclass
class FakeService:
    """State shared by the fake server and the tests."""

    port: int = 0
    mode: str = "ok"  # "ok", "slow", "error", "huge" or "endless"
    requests: list[dict[str, Any]] = field(default_factory=list)
    release: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def domain(self) -> str:
        return f"127.0.0.1:{self.port}"

    def count(self, path: str | None = None) -> int:
        with self.lock:
            return sum(1 for r in self.requests if path is None or r["path"] == path)


ZAYZUN = dict(
    BAGHDAD,
    place_id=67890,
    osm_type="node",
    osm_id=67890,
    lat="32.7183",
    lon="35.9481",
    type="village",
    place_rank=19,
    addresstype="village",
    name="Khirbat Zayzun",
    display_name="Khirbat Zayzun, Daraa Governorate, Syria",
    address={
        "village": "Khirbat Zayzun",
        "state": "Daraa Governorate",
        "country": "Syria",
        "country_code": "sy",
    },
    extratags={},
    boundingbox=["32.71", "32.73", "35.94", "35.96"],
)


def _nominatim_answer(q: str) -> list[dict[str, Any]]:
    text = q.casefold()
    if "nowhere" in text:
        return []
    if "zayzun" in text:
        return [ZAYZUN]
    if "airport" in text:
        return [BIAP]
    return [BAGHDAD, BIAP] if "baghdad" in text else []


def _geonames_answer(q: str) -> dict[str, Any]:
    text = q.casefold()
    if "badlogin" in text:
        return {"status": {"message": "user does not exist.", "value": 10}}
    rows = [GEONAMES_BAGHDAD, GEONAMES_AIRPORT] if "baghdad" in text else []
    return {"totalResultsCount": len(rows), "geonames": rows}


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:
        state = self.server.state
        url = urlsplit(self.path)
        params = parse_qs(url.query)
        with state.lock:
            state.requests.append(
                {
                    "path": url.path,
                    "params": params,
                    "headers": dict(self.headers.items()),
                    "time": time.monotonic(),
                }
            )
        if state.mode == "slow":
            state.release.wait(5.0)
        if state.mode == "error":
            self._send(500, {"error": "boom"})
            return
        if state.mode == "huge":  # a valid answer, padded past the 1 MB accepted
            self._send(200, [dict(BAGHDAD, padding="x" * 2_000_000)])
            return
        if state.mode == "endless":  # no Content-Length, then more and more bytes
            self._send_endless()
            return
        q = params.get("q", [""])[0]
        if url.path == "/search":
            self._send(200, _nominatim_answer(q))
        elif url.path == "/searchJSON":
            self._send(200, _geonames_answer(q))
        else:
            self._send(404, {"error": "not found"})

    def _send(self, status: int, payload: object) -> None:
        body = json.dumps(payload).encode()
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except OSError:  # the client gave up (timeout tests)
            pass

    def _send_endless(self) -> None:
        try:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(b'[{"padding": "')
            for _ in range(200):  # 13 MB at most, cut short when the client hangs up
                self.wfile.write(b"x" * 65_536)
        except OSError:
            pass

    def log_message(self, format: str, *args: Any) -> None:
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    state: FakeService

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass


@pytest.fixture(autouse=True)
def _no_proxy_no_home_cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for var in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "default-cache"))


@pytest.fixture
def server() -> Iterator[FakeService]:
    httpd = _Server(("127.0.0.1", 0), _Handler)
    httpd.state = FakeService(port=httpd.server_address[1])
    thread = threading.Thread(target=httpd.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    try:
        yield httpd.state
    finally:
        httpd.state.release.set()
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)


def nominatim(server: FakeService, tmp_path: Path, **options: Any) -> OnlineGeocoder:
    options.setdefault("user_agent", USER_AGENT)
    options.setdefault("min_delay_seconds", 0.0)
    options.setdefault("cache_path", tmp_path / "online.sqlite")
    return OnlineGeocoder("nominatim", domain=server.domain, scheme="http", **options)


def geonames(server: FakeService, tmp_path: Path, **options: Any) -> OnlineGeocoder:
    options.setdefault("user_agent", USER_AGENT)
    options.setdefault("username", "strikemap_test")
    options.setdefault("min_delay_seconds", 0.0)
    options.setdefault("cache_path", tmp_path / "online.sqlite")
    return OnlineGeocoder("geonames", domain=server.domain, scheme="http", **options)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2, dl = math.radians(lat1), math.radians(lat2), math.radians(lon2 - lon1)
    c = math.sin(p1) * math.sin(p2) + math.cos(p1) * math.cos(p2) * math.cos(dl)
    return 6371.0088 * math.acos(min(1.0, c))


# -- conversion ------------------------------------------------------------------------


def test_nominatim_result_converted(server: FakeService, tmp_path: Path) -> None:
    places = nominatim(server, tmp_path).resolve("Baghdad")
    assert [p.id for p in places] == ["nominatim:relation/3256491", "nominatim:way/24981032"]
    city, airport = places
    assert city.name == "Baghdad"
    assert (city.lat, city.lon) == (33.3152, 44.3661)
    assert city.country == "IQ"
    assert city.kind == "city"
    assert city.admin1 == "Baghdad Governorate"
    assert city.population == 8126755
    assert city.score == pytest.approx(0.7123, abs=1e-4)
    assert city.reason == "online fallback (nominatim)"
    assert "nominatim" in city.source.lower() and server.domain in city.source
    assert city.extent_km == pytest.approx(haversine_km(33.1, 44.2, 33.5, 44.6) / 2, abs=0.01)
    assert airport.kind == "airport" and airport.precision == "facility"
    assert airport.country == "IQ" and airport.population == 0


def test_nominatim_request_parameters(server: FakeService, tmp_path: Path) -> None:
    nominatim(server, tmp_path).resolve("  Baghdad   airport ", country="iq", limit=3)
    (request,) = server.requests
    assert request["path"] == "/search"
    assert request["headers"]["User-Agent"] == USER_AGENT
    params = request["params"]
    assert params["q"] == ["Baghdad airport"]
    assert params["countrycodes"] == ["iq"]
    assert params["limit"] == ["3"]
    assert params["addressdetails"] == ["1"]
    assert params["format"] == ["json"]


def test_nominatim_without_country_sends_no_countrycodes(
    server: FakeService, tmp_path: Path
) -> None:
    nominatim(server, tmp_path).resolve("Baghdad")
    assert "countrycodes" not in server.requests[0]["params"]
    assert server.requests[0]["params"]["limit"] == ["5"]


def test_geonames_result_converted(server: FakeService, tmp_path: Path) -> None:
    geo = geonames(server, tmp_path)
    places = geo.resolve("Baghdad", country="IQ")
    assert [p.id for p in places] == ["geonames:98182", "geonames:98245"]
    city, airport = places
    assert (city.name, city.country, city.kind, city.population) == (
        "Baghdad",
        "IQ",
        "city",
        7216000,
    )
    assert (city.lat, city.lon) == (33.34058, 44.40088)
    assert city.admin1 == "Baghdad"
    assert city.reason == "online fallback (geonames)"
    assert "geonames" in city.source.lower() and server.domain in city.source
    assert airport.kind == "airport"
    assert city.score > airport.score > 0
    (request,) = server.requests
    assert request["path"] == "/searchJSON"
    assert request["params"]["username"] == ["strikemap_test"]
    assert request["params"]["country"] == ["IQ"]
    assert request["headers"]["User-Agent"] == USER_AGENT


def test_geonames_answer_cut_to_limit(server: FakeService, tmp_path: Path) -> None:
    assert [p.id for p in geonames(server, tmp_path).resolve("Baghdad", limit=1)] == [
        "geonames:98182"
    ]


def test_geonames_requires_username(server: FakeService, tmp_path: Path) -> None:
    with pytest.raises(GazetteerError, match="username"):
        geonames(server, tmp_path, username=None)
    with pytest.raises(GazetteerError, match="username"):
        geonames(server, tmp_path, username="  ")


def test_geonames_error_status_warns(server: FakeService, tmp_path: Path) -> None:
    with pytest.warns(RuntimeWarning, match="geonames"):
        assert geonames(server, tmp_path).resolve("badlogin") == []


@pytest.mark.parametrize(
    ("record", "kind"),
    [
        ({"class": "place", "type": "town"}, "town"),
        ({"class": "place", "type": "village"}, "town"),
        ({"class": "place", "type": "city"}, "city"),
        ({"class": "boundary", "type": "administrative", "addresstype": "state"}, "region"),
        ({"class": "boundary", "type": "administrative", "addresstype": "country"}, "country"),
        ({"class": "place", "type": "country"}, "country"),
        ({"class": "aeroway", "type": "aerodrome"}, "airport"),
        ({"class": "military", "type": "airfield"}, "airbase"),
        ({"class": "military", "type": "barracks"}, "base"),
        ({"class": "landuse", "type": "military"}, "base"),
        ({"class": "amenity", "type": "embassy"}, "embassy"),
        ({"class": "natural", "type": "strait"}, "strait"),
        ({"class": "place", "type": "sea"}, "sea"),
        ({"class": "amenity", "type": "hospital"}, "facility"),
        ({"class": "unknown", "type": "thing", "place_rank": 8}, "region"),
    ],
)
def test_nominatim_kinds(record: dict[str, Any], kind: str) -> None:
    raw = {"osm_type": "N", "osm_id": 1, "lat": "1", "lon": "2", "name": "X", **record}
    place = place_from_nominatim(raw, rank=2)
    assert place.kind == kind
    assert place.id == "nominatim:node/1"
    assert place.score == pytest.approx(1 / 3, abs=1e-4)  # no importance: rank-based
    assert place.extent_km == 0.0 and place.country == ""


@pytest.mark.parametrize(
    ("fcode", "population", "kind"),
    [
        ("PPL", 5000, "town"),
        ("PPLA2", 250_000, "city"),
        ("PPLC", 0, "city"),
        ("ADM1", 0, "region"),
        ("PCLI", 0, "country"),
        ("AIRP", 0, "airport"),
        ("MILB", 0, "base"),
        ("STRT", 0, "strait"),
    ],
)
def test_geonames_kinds(fcode: str, population: int, kind: str) -> None:
    raw = {
        "geonameId": 1,
        "name": "X",
        "lat": "1",
        "lng": "2",
        "fcode": fcode,
        "fcl": fcode[0],
        "population": population,
    }
    assert place_from_geonames(raw).kind == kind


def test_unusable_records_are_skipped() -> None:
    with pytest.raises(ValueError):
        place_from_nominatim(
            {"osm_type": "node", "osm_id": 1, "lat": "95", "lon": "0", "name": "X"}
        )
    with pytest.raises(ValueError):
        place_from_geonames({"name": "X", "lat": "1", "lng": "2"})


# -- cache -----------------------------------------------------------------------------


def test_cache_hit_makes_no_request(server: FakeService, tmp_path: Path) -> None:
    geo = nominatim(server, tmp_path)
    first = geo.resolve("Baghdad", country="IQ")
    assert server.count() == 1
    assert geo.resolve("  baghdad ", country="iq") == first  # normalised key
    assert server.count() == 1
    again = nominatim(server, tmp_path).resolve("BAGHDAD", country="IQ")
    assert again == first
    assert server.count() == 1
    assert geo.cache_path == tmp_path / "online.sqlite" and geo.cache_path.is_file()


def test_empty_results_cached(server: FakeService, tmp_path: Path) -> None:
    geo = nominatim(server, tmp_path)
    assert geo.resolve("Nowhere at all") == []
    assert geo.resolve("nowhere at all") == []
    assert server.count() == 1


def test_cache_key_has_country_limit_service(server: FakeService, tmp_path: Path) -> None:
    geo = nominatim(server, tmp_path)
    geo.resolve("Baghdad")
    geo.resolve("Baghdad", country="IQ")
    geo.resolve("Baghdad", limit=2)
    assert server.count() == 3
    geonames(server, tmp_path).resolve("Baghdad")
    assert server.count("/searchJSON") == 1


def test_cache_off(server: FakeService, tmp_path: Path) -> None:
    geo = nominatim(server, tmp_path, use_cache=False)
    geo.resolve("Baghdad")
    geo.resolve("Baghdad")
    assert server.count() == 2 and geo.cache_path is None


def test_default_cache_path_from_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "c"))
    assert default_cache_path() == tmp_path / "c" / "online.sqlite"
    monkeypatch.delenv(CACHE_ENV)
    assert default_cache_path() == Path.home() / ".cache" / "strikemap" / "online.sqlite"


def test_default_cache_created_under_env(server: FakeService, tmp_path: Path) -> None:
    geo = nominatim(server, tmp_path, cache_path=None)
    assert geo.cache_path == tmp_path / "default-cache" / "online.sqlite"
    geo.resolve("Baghdad")
    assert geo.cache_path.is_file()


def test_cache_not_a_database(tmp_path: Path) -> None:
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(GazetteerError, match="cache"):
        OnlineCache(bad)


def test_cache_shared_between_threads(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "dir" / "online.sqlite"
    errors: list[BaseException] = []

    def open_cache() -> None:
        try:
            OnlineCache(path)
        except BaseException as err:  # pragma: no cover - reported below
            errors.append(err)

    threads = [threading.Thread(target=open_cache) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == [] and path.is_file()


# -- rate limiting ---------------------------------------------------------------------


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def test_rate_limit_with_injected_clock(server: FakeService, tmp_path: Path) -> None:
    clock = FakeClock()
    geo = nominatim(server, tmp_path, min_delay_seconds=1.0, clock=clock, sleep=clock.sleep)
    geo.resolve("Baghdad")
    assert clock.sleeps == []  # the first request never waits
    clock.now += 0.25
    geo.resolve("Baghdad airport")  # uncached: waits out the rest of the second
    assert clock.sleeps == [pytest.approx(0.75)]
    geo.resolve("Baghdad")  # cached: no wait
    geo.resolve("baghdad airport")
    assert len(clock.sleeps) == 1
    clock.now += 5.0
    geo.resolve("Nowhere")  # long after the last request: no wait
    assert len(clock.sleeps) == 1
    assert server.count() == 3


def test_rate_limit_real_clock(server: FakeService, tmp_path: Path) -> None:
    geo = nominatim(server, tmp_path, min_delay_seconds=0.15)
    geo.resolve("Baghdad")
    geo.resolve("Baghdad airport")
    first, second = (r["time"] for r in server.requests)
    assert second - first >= 0.15


# -- failures --------------------------------------------------------------------------


def test_timeout_warns_and_returns_empty(server: FakeService, tmp_path: Path) -> None:
    server.mode = "slow"
    geo = nominatim(server, tmp_path, timeout=0.3)
    with pytest.warns(RuntimeWarning, match=r"nominatim.*timed out.*'Baghdad'"):
        assert geo.resolve("Baghdad") == []
    server.mode = "ok"
    server.release.set()
    assert geo.resolve("Baghdad") != []  # the failure was not cached


def test_a_hanging_server_is_asked_once_and_the_warning_says_how_long(
    server: FakeService, tmp_path: Path
) -> None:
    server.mode = "slow"
    geo = nominatim(server, tmp_path, timeout=0.3)
    with pytest.warns(RuntimeWarning) as caught:
        assert geo.resolve("Baghdad") == []
    server.release.set()
    assert server.count("/search") == 1  # no retries behind the warning
    message = str(caught[0].message)
    assert re.search(
        r"no answer for 'Baghdad' in \d+\.\d s \(timeout 0\.3 s, one request\)", message
    )


@pytest.mark.parametrize("mode", ["huge", "endless"])
def test_an_answer_over_the_size_limit_is_refused(
    mode: str, server: FakeService, tmp_path: Path
) -> None:
    server.mode = mode
    geo = nominatim(server, tmp_path)
    with pytest.warns(RuntimeWarning, match=r"larger than the 1,000,000 .*accepted"):
        assert geo.resolve("Baghdad") == []
    with pytest.raises(GeocoderUnavailable, match="larger than"):
        geo.resolve("Baghdad", strict=True)
    server.mode = "ok"
    assert len(geo.resolve("Baghdad")) == 2  # the refusal was not cached


def test_timeout_strict_raises(server: FakeService, tmp_path: Path) -> None:
    server.mode = "slow"
    geo = nominatim(server, tmp_path, timeout=0.3)
    with pytest.raises(GeocoderTimeout) as info:
        geo.resolve("Baghdad", strict=True)
    assert isinstance(info.value, TimeoutError)
    assert info.value.__cause__ is not None


def test_http_500_warns_and_returns_empty(server: FakeService, tmp_path: Path) -> None:
    server.mode = "error"
    geo = nominatim(server, tmp_path)
    with pytest.warns(RuntimeWarning, match=r"nominatim.*'Baghdad'"):
        assert geo.resolve("Baghdad") == []
    with pytest.raises(GeocoderUnavailable) as info:
        geo.resolve("Baghdad", strict=True)
    assert isinstance(info.value, ConnectionError) and info.value.__cause__ is not None
    server.mode = "ok"
    assert len(geo.resolve("Baghdad")) == 2


def test_connection_refused(tmp_path: Path) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    geo = OnlineGeocoder(
        "nominatim",
        user_agent=USER_AGENT,
        domain=f"127.0.0.1:{port}",
        scheme="http",
        timeout=2.0,
        min_delay_seconds=0,
        cache_path=tmp_path / "c.sqlite",
    )
    with pytest.warns(RuntimeWarning, match="nominatim"):
        assert geo.resolve("Baghdad") == []
    with pytest.raises(GeocoderUnavailable):
        geo.resolve("Baghdad", strict=True)


# -- configuration and input -----------------------------------------------------------


@pytest.mark.parametrize("agent", ["", "   ", "geopy/2.5.0", "my-application"])
def test_placeholder_user_agent_refused(agent: str, server: FakeService, tmp_path: Path) -> None:
    with pytest.raises(GazetteerError, match="user_agent"):
        nominatim(server, tmp_path, user_agent=agent)
    assert server.count() == 0


def test_unknown_service_lists_valid_names(tmp_path: Path) -> None:
    assert ONLINE_SERVICES == ("geonames", "nominatim")
    for make in (OnlineGeocoder, get_online_geocoder):
        with pytest.raises(GazetteerError, match=r"bing.*geonames, nominatim"):
            make("bing", user_agent=USER_AGENT, cache_path=tmp_path / "c.sqlite")


def test_registry_builds_geocoder(server: FakeService, tmp_path: Path) -> None:
    geo = get_online_geocoder(
        "Nominatim",
        user_agent=USER_AGENT,
        domain=server.domain,
        scheme="http",
        min_delay_seconds=0,
        cache_path=tmp_path / "c",
    )
    assert isinstance(geo, OnlineGeocoder) and geo.service == "nominatim"
    assert geo.resolve("Baghdad")[0].country == "IQ"


@pytest.mark.parametrize(
    "options",
    [
        {"scheme": "ftp"},
        {"domain": "http://example.org"},
        {"timeout": 0},
        {"min_delay_seconds": -1},
        {"timeout": math.inf},
    ],
)
def test_bad_options_refused(options: dict[str, Any], tmp_path: Path) -> None:
    with pytest.raises(GazetteerError):
        OnlineGeocoder(user_agent=USER_AGENT, cache_path=tmp_path / "c.sqlite", **options)


@pytest.mark.parametrize(
    ("name", "options"),
    [
        ("", {}),
        ("   ", {}),
        ("Bagh\x00dad", {}),
        ("x" * 301, {}),
        ("Baghdad", {"country": "IRQ"}),
        ("Baghdad", {"limit": 0}),
        ("Baghdad", {"limit": True}),
        ("Baghdad", {"limit": 2.5}),
    ],
)
def test_invalid_query(
    name: str, options: dict[str, Any], server: FakeService, tmp_path: Path
) -> None:
    geo = nominatim(server, tmp_path)
    with pytest.raises(InvalidQuery):
        geo.resolve(name, **options)
    assert server.count() == 0


def test_large_limit_capped(server: FakeService, tmp_path: Path) -> None:
    nominatim(server, tmp_path).resolve("Baghdad", limit=500)
    assert server.requests[0]["params"]["limit"] == ["40"]


def test_no_warning_on_success(server: FakeService, tmp_path: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert nominatim(server, tmp_path).resolve("Baghdad")


# -- the command line ------------------------------------------------------------------


def _cli_online(server: FakeService) -> list[str]:
    return [
        "--online",
        "nominatim",
        "--online-domain",
        server.domain,
        "--online-scheme",
        "http",
        "--user-agent",
        USER_AGENT,
    ]


@pytest.mark.cli
def test_extract_online_asks_about_names_the_index_lacks(
    server: FakeService, tmp_path: Path
) -> None:
    from geo.formats.readwrite import read_events
    from maps.cli import main

    article = tmp_path / "a.txt"
    article.write_text(
        "Syrian government jets struck a market in Khirbat Zayzun on 3 March 2024, "
        "killing two civilians.\n",
        encoding="utf-8",
    )
    out = tmp_path / "events.geojson"
    set_cache_dir(INDEX_CACHE)
    try:
        assert main(["extract", str(article), "-o", str(out), *_cli_online(server)]) == 0
    finally:
        set_cache_dir(None)
    asked = [r["params"]["q"][0] for r in server.requests]
    assert asked == ["Khirbat Zayzun"]  # once, and only the name the index lacks
    events = read_events(out)
    assert list(events["place_resolved"]) == ["Khirbat Zayzun"]
    assert events.geometry.iloc[0].y == pytest.approx(32.7183)


@pytest.mark.cli
def test_geocode_reaches_a_plain_http_server_with_online_scheme(
    server: FakeService, capsys: pytest.CaptureFixture[str]
) -> None:
    from maps.cli import main

    set_cache_dir(INDEX_CACHE)
    try:
        assert main(["geocode", "Zayzun", *_cli_online(server)]) == 0
    finally:
        set_cache_dir(None)
    assert server.count("/search") == 1
    assert "Khirbat Zayzun" in capsys.readouterr().out
