"""Adding GeoNames export files: parsing, kinds, ranking, atomic adds, sources, remove, CLI.

Every file here is written by the test in the GeoNames export format; the places and their
coordinates are made up for the test (not GeoNames data).
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from gazetteer import Gazetteer, index
from gazetteer.errors import GeoNamesFileError, InvalidQuery
from gazetteer.install import store
from gazetteer.install.geonames import add_geonames
from maps.cli import main

# geonameid, name, alternate names, lat, lon, class, code, country, admin1, population
ROWS = [
    (901, "Al Karkh", "Karkh,الكرخ,Карх", 33.31, 44.38, "P", "PPLX", "IQ", "07", 0),
    (902, "Bashiqa", "Bashiqah,Bashika", 36.45, 43.35, "P", "PPL", "IQ", "15", 22000),
    (903, "Mukhayyam Kahlan", "", 33.90, 44.60, "S", "CMP", "IQ", "10", 0),
    (904, "Kahlan", "", 33.95, 44.65, "P", "PPL", "IQ", "10", 1200),
    (905, "Jabal as Sama", "", 15.10, 44.00, "T", "MT", "YE", "10", 0),
    (906, "Jabal as Sama", "", 15.30, 44.20, "P", "PPL", "YE", "10", 900),
    (907, "Ra's al Katib", "Ras al-Katib", 14.93, 42.90, "T", "PT", "YE", "08", 0),
    (908, "Muhafazat Baghdad", "", 33.30, 44.40, "A", "ADM1", "IQ", "07", 7000000),
    (909, "Iraq", "", 33.00, 44.00, "A", "PCLI", "IQ", "00", 40000000),
]


def line(row: tuple[object, ...]) -> str:
    gid, name, alt, lat, lon, fclass, code, cc, a1, pop = row
    cols = [gid, name, name, alt, lat, lon, fclass, code, cc, "", a1, "", "", "", pop, "", 0]
    return "\t".join(map(str, [*cols, "Asia/Baghdad", "2024-01-01"])) + "\n"


def write_txt(path: Path, rows: list[tuple[object, ...]] = ROWS) -> Path:
    path.write_text("".join(line(r) for r in rows), encoding="utf-8")
    return path


def write_zip(path: Path, rows: list[tuple[object, ...]] = ROWS) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("readme.txt", "GeoNames-format test file\n")
        zf.writestr(f"{path.stem}.txt", "".join(line(r) for r in rows))
    return path


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A cache folder with a small embedded index (curated sites and countries)."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("STRIKEMAP_CACHE", str(folder))
    index.build_index(index.index_path(), sources=["curated", "countries"])
    yield folder


def test_without_added_sources_the_index_is_the_embedded_one(cache: Path) -> None:
    gz = Gazetteer()
    assert gz._dbs == ("main",)
    assert not store.store_path().exists()
    assert store.installed_sources() == []


def test_added_places_resolve_with_their_kinds(cache: Path, tmp_path: Path) -> None:
    gz = Gazetteer()
    assert gz.resolve("Bashiqa") == []
    reports = gz.add_geonames(write_zip(tmp_path / "IQ.zip"))
    assert [(r.source, r.rows, r.skipped) for r in reports] == [("IQ", 8, 1)]
    karkh = gz.best("Karkh")
    assert karkh is not None and (karkh.kind, karkh.precision) == ("neighbourhood", "town")
    bashiqa = gz.best("Bashika")
    assert bashiqa is not None and bashiqa.id == "geonames:902" and bashiqa.population == 22000
    assert gz.best("الكرخ").id == karkh.id  # type: ignore[union-attr]
    assert gz.resolve("Карх") == []  # Cyrillic alternates are not indexed
    region = gz.best("Muhafazat Baghdad")
    assert region is not None and region.kind == "region" and region.extent_km == 100.0
    assert gz.region_name("IQ.07") == "Muhafazat Baghdad"
    # the country row is skipped: the embedded index has Iraq already
    assert [p.id for p in gz.resolve("Iraq")] == ["country:IQ"]
    assert Gazetteer().best("Bashiqa").id == bashiqa.id  # type: ignore[union-attr]


def test_a_name_that_names_a_kind_prefers_it(cache: Path, tmp_path: Path) -> None:
    gz = Gazetteer()
    gz.add_geonames(write_txt(tmp_path / "YE.txt"))
    found = gz.resolve("Jabal as Sama")
    assert [p.kind for p in found[:2]] == ["mountain", "town"]
    assert "is the mountain the name says" in found[0].reason
    assert gz.best("Jabal as Sama", country="YE").kind == "mountain"  # type: ignore[union-attr]
    assert gz.best("Jabal as Sama near Sanaa").kind == "mountain"  # type: ignore[union-attr]
    camp = gz.best("Kahlan Camp")
    assert camp is not None and (camp.kind, camp.id) == ("camp", "geonames:903")
    assert gz.best("Kahlan") is not None and gz.best("Kahlan").kind == "town"  # type: ignore[union-attr]
    ras = gz.best("Ras al Katib")
    assert ras is not None and (ras.kind, ras.precision) == ("headland", "facility")


def test_a_kind_word_does_not_beat_a_large_town(cache: Path, tmp_path: Path) -> None:
    rows = [
        (1, "Tall Afar", "", 36.37, 42.45, "P", "PPL", "IQ", "15", 200000),
        (2, "Tall Afar", "", 36.30, 42.40, "T", "HLL", "IQ", "15", 0),
    ]
    gz = Gazetteer()
    gz.add_geonames(write_txt(tmp_path / "IQ.txt", rows))
    assert [p.kind for p in gz.resolve("Tall Afar")] == ["city", "hill"]


def test_the_rest_of_the_issues_names_resolve_by_their_kind(cache: Path, tmp_path: Path) -> None:
    """Buhriz and Dhuluiya (issue 15): a town over a hill and a canal of its name, and a town
    found by an alternate spelling of its GeoNames name."""
    rows = [
        (910, "Buhriz", "Buhraz,بهرز", 33.70, 44.66, "P", "PPL", "IQ", "10", 12000),
        (911, "Buhriz", "", 33.72, 44.70, "T", "HLL", "IQ", "10", 0),
        (912, "Nahr Buhriz", "Buhriz", 33.69, 44.64, "H", "CNL", "IQ", "10", 0),
        (913, "Ad Dulu'iyah", "Dhuluiya,Dhuluiyah,الضلوعية", 34.05, 44.21, "P", "PPL", "IQ",
         "18", 30000),
    ]  # fmt: skip
    gz = Gazetteer()
    gz.add_geonames(write_txt(tmp_path / "IQ.txt", rows))
    found = gz.resolve("Buhriz")
    assert [(p.id, p.kind) for p in found] == [
        ("geonames:910", "town"),
        ("geonames:911", "hill"),
        ("geonames:912", "river"),
    ]
    for name in ("Dhuluiya", "Dhuluiyah", "Ad Dulu'iyah", "Duluiyah", "الضلوعية"):
        assert gz.best(name).id == "geonames:913", name  # type: ignore[union-attr]


def test_a_country_hint_finds_the_rows_of_one_query_per_country(
    cache: Path, tmp_path: Path
) -> None:
    """A country hint filters the rows of the name already fetched instead of a second query
    when that cannot change them: the rows must be the ones the second query returns, for a
    name shared by a few places and by more than the lookup limit."""
    rows: list[tuple[object, ...]] = []
    for i in range(90):  # IQ has 20+ of the best 40, SY fewer, YE none
        cc = "IQ" if i % 3 else "SY"
        rows.append((3000 + i, "Tall Hamad", "", 33.1, 44.2, "T", "HLL", cc, "01", i % 4 * 50))
    rows += [(4000 + i, "Bir Sawa", "", 32.0, 40.1, "H", "WLL", cc, "02", 0) for i, cc in
             enumerate(["IQ", "SY", "SY", "IQ"])]  # fmt: skip
    gz = Gazetteer()
    gz.add_geonames(write_txt(tmp_path / "IQ.txt", rows))
    conn = gz._conn
    select = (
        "SELECT p.pid, p.id, p.name, p.lat, p.lon, p.country, p.kind, p.population, p.source,"
        " p.admin1, p.extent_km, p.layer, n.tier FROM {db}.names n JOIN {db}.places p"
        " ON p.pid = n.pid WHERE n.key = ?"
    )
    order = " ORDER BY n.tier, p.layer, p.population DESC, p.pid LIMIT "
    top40 = [r[5] for r in conn.execute(select.format(db="added") + order + "40", ("tallhamad",))]
    assert top40.count("IQ") >= 20 and 0 < top40.count("SY") < 20  # both ways are tried
    for name, key in (("Tall Hamad", "tallhamad"), ("Bir Sawa", "birsawa")):
        for country in ("IQ", "SY", "YE"):
            expected = []
            for db in ("added", "main"):
                expected += conn.execute(select.format(db=db) + order + "40", (key,)).fetchall()
                sql = select.format(db=db) + " AND p.country = ?" + order + "20"
                expected += conn.execute(sql, (key, country)).fetchall()
            assert [tuple(r) for r in gz.lookup(name, country=country)] == expected


def test_sources_and_remove(cache: Path, tmp_path: Path) -> None:
    add_geonames([write_zip(tmp_path / "IQ.zip"), write_txt(tmp_path / "cities500.txt", ROWS[:2])])
    found = {s.name: s for s in store.installed_sources()}
    assert sorted(found) == ["IQ", "cities500"]
    assert found["IQ"].rows == 8 and found["cities500"].rows == 2
    assert found["IQ"].file_date and found["IQ"].origin.endswith("IQ.zip")
    store.remove_source("IQ.zip")
    gz = Gazetteer()
    assert gz.best("Bashiqa") is not None  # still in cities500
    assert gz.resolve("Jabal as Sama") == []
    with pytest.raises(InvalidQuery, match="no installed source 'IQ'; installed: cities500"):
        store.remove_source("IQ")


def test_adding_a_source_again_replaces_it(cache: Path, tmp_path: Path) -> None:
    add_geonames([write_txt(tmp_path / "IQ.txt")])
    add_geonames([write_txt(tmp_path / "IQ.txt", ROWS[:1])])
    assert [s.rows for s in store.installed_sources()] == [1]
    assert Gazetteer().resolve("Bashiqa") == []


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (line(ROWS[0]) + "902\tBashiqa\n", r"IQ.txt: line 2: 2 columns, expected 19"),
        (line(ROWS[0]).replace("33.31", "3x.31"), r"line 1: latitude '3x.31' is not a number"),
        (line(ROWS[0]).replace("33.31", "133.31"), r"line 1: latitude 133.31 is out of range"),
        (line(ROWS[0]) + line(ROWS[1])[:-40], r"line 2: truncated|line 2: \d+ columns"),
    ],
)
def test_malformed_files_are_refused_and_change_nothing(
    cache: Path, tmp_path: Path, text: str, message: str
) -> None:
    add_geonames([write_txt(tmp_path / "YE.txt", ROWS[4:7])])
    before = store.installed_sources()
    bad = tmp_path / "IQ.txt"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(GeoNamesFileError, match=message):
        add_geonames([write_txt(tmp_path / "JO.txt", ROWS[:1]), bad])
    assert store.installed_sources() == before  # JO, added in the same call, is rolled back
    assert Gazetteer().resolve("Bashiqa") == []


def test_a_truncated_zip_is_refused(cache: Path, tmp_path: Path) -> None:
    (tmp_path / "full").mkdir()
    good = write_zip(tmp_path / "full" / "IQ.zip")
    cut = tmp_path / "IQ.zip"
    cut.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    with pytest.raises(GeoNamesFileError, match=r"IQ.zip: truncated or corrupt zip archive"):
        add_geonames([cut])


def test_an_interrupted_add_leaves_the_store_as_it_was(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from gazetteer.install import geonames

    add_geonames([write_txt(tmp_path / "YE.txt", ROWS[4:7])])
    before = store.installed_sources()
    real = geonames.feature_record
    calls = []

    def interrupted(feature, source):  # type: ignore[no-untyped-def]
        calls.append(feature)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return real(feature, source)

    monkeypatch.setattr(geonames, "feature_record", interrupted)
    monkeypatch.setattr(store, "_CHUNK", 1)  # rows are written before the interruption
    with pytest.raises(KeyboardInterrupt):
        add_geonames([write_txt(tmp_path / "IQ.txt")])
    assert store.installed_sources() == before
    assert Gazetteer().resolve("Al Karkh") == []


def test_alternate_names_and_admin_codes_add_spellings(cache: Path, tmp_path: Path) -> None:
    alt = tmp_path / "alternateNamesV2.txt"
    alt.write_text(
        "1\t902\ten\tBa'shiqa\t\t\t\t\t\t\n"
        "2\t902\tlink\thttps://en.wikipedia.org/wiki/Bashiqa\t\t\t\t\t\t\n"
        "3\t999999\ten\tNowhere\t\t\t\t\t\t\n",
        encoding="utf-8",
    )
    admin1 = tmp_path / "admin1CodesASCII.txt"
    admin1.write_text("IQ.07\tBaghdad Governorate\tBaghdad Governorate\t908\n", encoding="utf-8")
    add_geonames([write_txt(tmp_path / "IQ.txt"), alt, admin1])
    gz = Gazetteer()
    assert gz.best("Ba'shiqa") is not None and gz.best("Ba'shiqa").id == "geonames:902"  # type: ignore[union-attr]
    assert gz.resolve("https://en.wikipedia.org/wiki/Bashiqa") == []
    region = gz.best("Baghdad Governorate")
    assert region is not None and region.id == "geonames:908"
    assert region.name == "Baghdad Governorate" and gz.best("Muhafazat Baghdad").id == region.id  # type: ignore[union-attr]
    assert store.installed_sources()[0].extras == "alternateNamesV2.txt, admin1CodesASCII.txt"


def test_extra_files_alone_are_refused(tmp_path: Path) -> None:
    admin1 = tmp_path / "admin1CodesASCII.txt"
    admin1.write_text("IQ.07\tBaghdad\tBaghdad\t98180\n", encoding="utf-8")
    with pytest.raises(GeoNamesFileError, match="give them with the GeoNames files"):
        add_geonames([admin1])


@pytest.mark.cli
def test_cli_add_sources_remove(
    cache: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["gazetteer", "add-geonames", str(write_zip(tmp_path / "IQ.zip"))]) == 0
    assert "IQ: 8 places" in capsys.readouterr().err
    assert main(["gazetteer", "sources"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("source\trows") and out[1].startswith("IQ\t8\t")
    assert main(["geocode", "Kahlan Camp"]) == 0
    assert "Mukhayyam Kahlan (IQ, camp)" in capsys.readouterr().out
    assert main(["gazetteer", "remove", "IQ"]) == 0
    assert main(["gazetteer", "remove", "IQ"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1] == "strikemap: error: no installed source 'IQ'; installed: none"
    bad = tmp_path / "SY.txt"
    bad.write_text("1\tx\n", encoding="utf-8")
    assert main(["gazetteer", "add-geonames", str(bad)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(f"strikemap: error: {bad}: line 1: 2 columns")
    assert main(["gazetteer", "add-geonames", "no-such-thing.zip"]) == 1
    assert "not a country code" in capsys.readouterr().err


_KILLED_ADD = """
import os, sys
from pathlib import Path
from gazetteer.install import geonames, store
real = geonames.feature_record
seen = []
def dies(feature, source):
    seen.append(feature)
    if len(seen) == 4:
        os._exit(9)  # like kill -9: no cleanup, the journal stays behind
    return real(feature, source)
geonames.feature_record = dies
store._CHUNK = 1
geonames.add_geonames([Path(sys.argv[1])])
"""


def test_a_killed_add_is_rolled_back_on_the_next_open(cache: Path, tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    add_geonames([write_txt(tmp_path / "YE.txt", ROWS[4:7])])
    before = store.installed_sources()
    iq = write_txt(tmp_path / "IQ.txt")
    env = {**os.environ, "STRIKEMAP_CACHE": str(cache)}
    done = subprocess.run([sys.executable, "-c", _KILLED_ADD, str(iq)], env=env, check=False)
    assert done.returncode == 9
    assert Path(f"{store.store_path()}-journal").exists()
    gz = Gazetteer()  # rolls the journal back
    assert gz.resolve("Al Karkh") == [] and gz.best("Jabal as Sama") is not None
    assert store.installed_sources() == before


def test_spotting_finds_added_places(cache: Path, tmp_path: Path) -> None:
    gz = Gazetteer()
    text = "Clashes were reported in Bashiqa and near Kahlan Camp on Monday."
    assert [m.text for m in gz.spot(text)] == []
    gz.add_geonames(write_txt(tmp_path / "IQ.txt"))
    found = [(m.text, m.place.id) for m in gz.spot(text) if m.place]
    assert found == [("Bashiqa", "geonames:902"), ("Kahlan Camp", "geonames:903")]
