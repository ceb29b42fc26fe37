"""resolve() remembers its answers, with and without ``near``: the same answers as asked anew."""

from __future__ import annotations

from pathlib import Path

from gazetteer import Gazetteer


def test_answers_with_near_are_those_asked_anew(gz: Gazetteer) -> None:
    fresh = Gazetteer()
    near = [gz.best("Kirkuk"), gz.best("Mosul")]
    assert all(p is not None for p in near)
    for name in ("Hit", "Tikrit", "Ras al-Ain", "Al Asad air base", "Baghdad"):
        first = gz.resolve(name, near=near)  # type: ignore[arg-type]
        again = gz.resolve(name, near=near)  # type: ignore[arg-type]
        asked_anew = fresh._resolve(name, None, fresh._near_points(near), None, 5)  # type: ignore[arg-type]
        assert first == again == asked_anew
        first.clear()  # the caller's list: the memo keeps its own
        assert gz.resolve(name, near=near) == again  # type: ignore[arg-type]


def test_other_places_around_give_their_own_answer(gz: Gazetteer) -> None:
    syria, morocco = gz.best("Raqqa"), gz.best("Rabat")
    assert syria is not None and morocco is not None
    by_syria = gz.resolve("Ras al-Ain", near=[syria])
    by_morocco = gz.resolve("Ras al-Ain", near=[morocco])
    assert by_syria[0].country == "SY"
    assert by_syria != by_morocco


def test_added_places_are_found_with_near(tmp_path: Path) -> None:
    gz = Gazetteer()
    kirkuk = gz.best("Kirkuk")
    assert kirkuk is not None
    assert gz.resolve("Camp Qwertzuiop", near=[kirkuk]) == []
    path = tmp_path / "p.csv"
    path.write_text("name,lat,lon,kind,country\nCamp Qwertzuiop,35.4,44.3,base,IQ\n", "utf-8")
    gz.add_places(path)
    assert [p.name for p in gz.resolve("Camp Qwertzuiop", near=[kirkuk])] == ["Camp Qwertzuiop"]


def test_an_unnamed_base_near_a_namesake_in_another_country_is_no_site(gz: Gazetteer) -> None:
    # Bagà (Spain) is the index's only "Baga"; a text on Nigeria means another place
    assert gz.resolve("military base in Baga", country="NG", limit=1) == []
