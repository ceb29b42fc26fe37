"""Tests for geo.articles.readers: every file format, the manifest, encodings and problems.

All article text here is invented for the tests.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from geo.articles.files import decode, size
from geo.articles.readers import (
    Problem,
    ReadResult,
    article_from_text,
    html_to_text,
    infer_published,
    iter_articles,
    read_articles,
    read_manifest,
)
from geo.errors import ArticleError
from tests.conftest import shared_path

D = dt.date
DATED = "Drones struck a fuel depot near the river on 3 March 2022, a spokesman said."
INFERRED_0303 = "inferred 2022-03-03 from the latest complete date in the text"
UNDATED = "Drones struck a fuel depot near the river on Sunday, a spokesman said."


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def kinds(result: ReadResult) -> list[str]:
    return [p.kind for p in result.problems]


def only_problem(result: ReadResult, kind: str) -> Problem:
    found = [p for p in result.problems if p.kind == kind]
    assert len(found) == 1, result.problems
    return found[0]


# --- plain text --------------------------------------------------------------------------


def test_txt_whole_file_is_the_text(tmp_path: Path) -> None:
    path = write(tmp_path / "report_7.txt", f"\n{DATED}\n\nSecond paragraph.\n")
    result = read_articles([path])
    (article,) = result.articles
    assert article.id == "report_7"
    assert article.text == f"{DATED}\n\nSecond paragraph."
    assert article.path == str(path)
    assert (article.title, article.outlet, article.url, article.language) == ("", "", "", "")


def test_text_is_normalised_for_line_ends_and_spaces_only(tmp_path: Path) -> None:
    raw = "Rockets\xa0hit a base.\r\nA second line – with “quotes”.\tTab kept.\r\n"
    write(tmp_path / "a.txt", raw)
    (article,) = read_articles([tmp_path]).articles
    assert article.text == "Rockets hit a base.\nA second line – with “quotes”.\tTab kept."


def test_a_single_path_string_is_not_iterated_by_character(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", DATED)
    assert [a.id for a in read_articles(str(tmp_path)).articles] == ["a"]  # type: ignore[arg-type]


# --- markdown ----------------------------------------------------------------------------

FRONT = """---
title: Depot hit by drones
outlet: Example Wire
published: 2022-03-04
url: https://example.org/depot
language: en
id: depot-1
ignored_key: kept out
---

{body}
"""


def test_md_front_matter(tmp_path: Path) -> None:
    write(tmp_path / "brief.md", FRONT.format(body=UNDATED))
    result = read_articles([tmp_path])
    (article,) = result.articles
    assert article.id == "depot-1"
    assert article.text == UNDATED
    assert article.title == "Depot hit by drones"
    assert article.outlet == "Example Wire"
    assert article.url == "https://example.org/depot"
    assert article.language == "en"
    assert (article.published, article.published_source) == (D(2022, 3, 4), "metadata")
    assert result.problems == ()


def test_md_front_matter_datetime_string_and_empty_values(tmp_path: Path) -> None:
    text = '---\npublished: "2022-03-04T21:15:00+03:00"\nurl: ""\n---\nBody text.\n'
    write(tmp_path / "b.md", text)
    (article,) = read_articles([tmp_path]).articles
    assert article.published == D(2022, 3, 4)
    assert (article.id, article.url, article.text) == ("b", "", "Body text.")


def test_md_without_front_matter_is_plain_text(tmp_path: Path) -> None:
    write(tmp_path / "c.md", f"# Heading\n\n{DATED}\n\n---\n\nMore.")
    (article,) = read_articles([tmp_path]).articles
    assert article.text.startswith("# Heading\n\n")
    assert article.published_source == "inferred"


def test_md_bad_front_matter_is_reported_and_read_as_text(tmp_path: Path) -> None:
    content = f"---\ntitle: a: b: c\n---\n{DATED}\n"
    write(tmp_path / "d.md", content)
    result = read_articles([tmp_path])
    (article,) = result.articles
    problem = only_problem(result, "bad-record")
    assert problem.path == str(tmp_path / "d.md")
    assert "bad YAML front matter" in problem.problem and "line 2" in problem.problem
    assert "\n" not in problem.problem
    assert article.text == content.strip()
    assert article.title == ""


def test_md_front_matter_that_is_not_a_mapping(tmp_path: Path) -> None:
    write(tmp_path / "e.md", f"---\n- a list\n---\n{DATED}\n")
    result = read_articles([tmp_path])
    assert "not a mapping" in only_problem(result, "bad-record").problem
    assert result.articles[0].text.startswith("---")


def test_md_bad_published_in_front_matter(tmp_path: Path) -> None:
    write(tmp_path / "f.md", f"---\npublished: last spring\n---\n{DATED}\n")
    result = read_articles([tmp_path])
    problem = only_problem(result, "bad-record")
    assert problem.problem == "published 'last spring' is not a date (YYYY-MM-DD); ignored"
    assert result.articles[0].published_source == "inferred"


def test_md_with_only_front_matter_is_empty(tmp_path: Path) -> None:
    write(tmp_path / "g.md", "---\ntitle: Nothing\n---\n\n")
    result = read_articles([tmp_path])
    assert result.articles == ()
    assert only_problem(result, "empty").problem == "no text after the front matter"


def test_repository_seed_briefs_read(tmp_path: Path) -> None:
    seeds = Path(__file__).resolve().parents[2] / "seeds"
    result = read_articles(sorted(seeds.glob("brief_*.md")))
    assert len(result.articles) == 5
    assert all(a.published_source == "metadata" for a in result.articles)
    assert result.articles[0].published == D(2024, 1, 4)
    assert all(not a.text.startswith("---") for a in result.articles)


# --- html --------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="en-US"><head>
<title>Depot hit | Example</title>
<meta property="og:title" content="Drones hit a fuel depot">
<meta property="og:site_name" content="Example Wire">
<meta property="article:published_time" content="2022-03-04T08:00:00Z">
<link rel="canonical" href="https://example.org/depot">
<style>p { color: red; }</style>
<script>var tracking = "secret";</script>
</head><body>
<header><a href="/">Example Wire home</a></header>
<nav><ul><li>World</li><li>Sport</li></ul></nav>
<article>
  <h1>Drones hit a fuel&nbsp;depot</h1>
  <p>Two drones struck   the depot
     at dawn &amp; started a fire.</p>
  <!-- an editor's comment -->
  <script>alert("no")</script>
  <p>Officials said &quot;no one&quot; was hurt &#8211; a first.<br>Line two.</p>
  <aside>Read more: unrelated story</aside>
</article>
<footer>Copyright Example</footer>
</body></html>"""


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    write(tmp_path / "page.html", PAGE)
    result = read_articles([tmp_path])
    (article,) = result.articles
    assert article.text == (
        "Drones hit a fuel depot\n\n"
        "Two drones struck the depot at dawn & started a fire.\n\n"
        'Officials said "no one" was hurt – a first.\nLine two.'
    )
    for dropped in ("tracking", "color", "alert", "home", "Sport", "Copyright", "unrelated"):
        assert dropped not in article.text
    assert article.title == "Drones hit a fuel depot"
    assert article.outlet == "Example Wire"
    assert article.url == "https://example.org/depot"
    assert article.language == "en"
    assert (article.published, article.published_source) == (D(2022, 3, 4), "metadata")
    assert (article.id, result.problems) == ("page", ())


def test_html_falls_back_to_main_then_body() -> None:
    text, _ = html_to_text("<body><p>Menu</p><main><p>Main story.</p></main></body>")
    assert text == "Main story."
    text, meta = html_to_text("<body><div>Just a body.</div><div>Two.</div></body>")
    assert (text, meta) == ("Just a body.\n\nTwo.", {})


def test_html_prefers_the_longest_top_level_article() -> None:
    html = (
        "<article><p>Teaser.</p></article>"
        "<article><p>The long story about the strike.</p><article><p>Comment</p></article>"
        "</article>"
    )
    assert html_to_text(html)[0] == "The long story about the strike.\n\nComment"


def test_html_title_and_time_fallbacks() -> None:
    html = (
        "<html><head><title>Plain  title</title></head><body><aside><time "
        'datetime="2001-01-01">old</time></aside><p>Posted <time datetime="2022-03-05">'
        "Saturday</time></p><svg><title>icon</title></svg></body></html>"
    )
    text, meta = html_to_text(html)
    assert text == "Posted Saturday"
    assert meta == {"title": "Plain title", "published": "2022-03-05"}


def test_html_page_wrapped_in_a_form_keeps_its_text() -> None:
    text, _ = html_to_text("<body><form><div><p>Strike reported.</p></div></form></body>")
    assert text == "Strike reported."


def test_html_keeps_line_breaks_of_pre_but_collapses_spaces() -> None:
    assert html_to_text("<pre>a  b\n c</pre><p>d\n e</p>")[0] == "a b\nc\n\nd e"


def test_html_without_text_is_empty(tmp_path: Path) -> None:
    write(tmp_path / "blank.htm", "<html><script>x()</script></html>")
    result = read_articles([tmp_path])
    assert result.articles == ()
    assert only_problem(result, "empty").problem == "no text in the page"


# --- json and jsonl ----------------------------------------------------------------------


def test_json_object_is_one_article(tmp_path: Path) -> None:
    record = {
        "headline": "Depot hit",
        "body": UNDATED,
        "source": {"id": "x", "name": "Example Wire"},
        "link": "https://example.org/a",
        "publishedAt": "2022-03-04T10:00:00Z",
        "lang": "en",
    }
    write(tmp_path / "one.json", json.dumps(record))
    (article,) = read_articles([tmp_path]).articles
    assert article.id == "one"
    assert (article.title, article.outlet, article.url) == (
        "Depot hit",
        "Example Wire",
        "https://example.org/a",
    )
    assert (article.text, article.published, article.language) == (UNDATED, D(2022, 3, 4), "en")


def test_json_list_with_ids_and_bad_records(tmp_path: Path) -> None:
    records = [
        {"text": DATED, "id": 17},
        {"title": "no text here"},
        "not an object",
        {"content": UNDATED, "date": "2022-03-06"},
        {"text": "   "},
    ]
    path = write(tmp_path / "many.json", json.dumps(records))
    result = read_articles([path])
    assert [a.id for a in result.articles] == ["17", "many:4"]
    assert result.articles[1].published == D(2022, 3, 6)
    assert [(p.path, p.problem, p.kind) for p in result.problems] == [
        (str(path), f"record 1: no publication date; {INFERRED_0303}", "inferred-date"),
        (str(path), "no text field in record 2", "bad-record"),
        (str(path), "record 3 is not a JSON object", "bad-record"),
        (str(path), "empty text in record 5", "empty"),
    ]


def test_invalid_json_file(tmp_path: Path) -> None:
    path = write(tmp_path / "broken.json", '{"text": "a",\n "title": }')
    result = read_articles([path])
    problem = only_problem(result, "bad-record")
    assert problem.path == f"{path}:2"
    assert problem.problem.startswith("not valid JSON (Expecting value")


def test_jsonl_bad_line_and_missing_text_do_not_stop_the_rest(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": DATED, "outlet": "Wire A"}),
        "{not json",
        "",
        json.dumps({"title": "no text"}),
        json.dumps({"text": UNDATED, "published": "2022-03-07"}),
    ]
    path = write(tmp_path / "feed.jsonl", "\n".join(lines) + "\n")
    result = read_articles([path])
    assert [a.id for a in result.articles] == ["feed:1", "feed:5"]
    assert [a.outlet for a in result.articles] == ["Wire A", ""]
    bad = [(p.path, p.problem, p.kind) for p in result.problems if p.kind == "bad-record"]
    assert bad[0][0] == f"{path}:2" and bad[0][1].startswith("not valid JSON")
    assert bad[1] == (f"{path}:4", "no text field in record 4", "bad-record")
    assert only_problem(result, "inferred-date").path == f"{path}:1"


def test_jsonl_is_streamed_with_a_per_line_limit(tmp_path: Path) -> None:
    lines = [json.dumps({"text": "x" * 500}), json.dumps({"text": "short one"})]
    path = write(tmp_path / "big.jsonl", "\n".join(lines))
    result = read_articles([path], max_bytes=100)
    assert [a.text for a in result.articles] == ["short one"]
    problem = only_problem(result, "too-large")
    assert (problem.path, problem.problem) == (f"{path}:1", "line larger than 100 bytes limit")


def test_jsonl_lines_with_bad_encoding_are_skipped(tmp_path: Path) -> None:
    path = write(tmp_path / "mixed.jsonl", b'{"text": "caf\xe9"}\n{"text": "fine"}\n')
    result = read_articles([path])
    assert [a.text for a in result.articles] == ["fine"]
    problem = only_problem(result, "unreadable")
    assert (problem.path, problem.problem) == (
        f"{path}:1",
        "not UTF-8 text (byte 0xe9 at offset 13)",
    )


def test_jsonl_in_utf16_and_empty_jsonl(tmp_path: Path) -> None:
    content = json.dumps({"text": "Café attack.", "id": "c"}) + "\n"
    write(tmp_path / "u16.jsonl", content.encode("utf-16"))
    write(tmp_path / "blank.jsonl", "\n  \n")
    result = read_articles([tmp_path])
    assert [a.text for a in result.articles] == ["Café attack."]
    assert only_problem(result, "empty").path == str(tmp_path / "blank.jsonl")


def test_iter_articles_is_lazy_and_collects_problems(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", DATED)
    write(tmp_path / "b.txt", b"")
    problems: list[Problem] = []
    articles = iter_articles([tmp_path], problems=problems)
    assert problems == []
    assert next(articles).id == "a"
    assert [p.kind for p in problems] == ["inferred-date"]
    assert list(articles) == []
    assert [p.kind for p in problems] == ["inferred-date", "empty"]


# --- manifest ----------------------------------------------------------------------------

MANIFEST = """file,outlet,headline,published,language,notes
a.txt,Wire A,Headline A,2021-02-26,en,anything
sub/b.md,Wire B,,2021-03-01,,
"""


def test_manifest_supplies_and_overrides_metadata(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", UNDATED)
    write(tmp_path / "b.md", FRONT.format(body=DATED))
    manifest = write(tmp_path / "manifest.csv", MANIFEST)
    result = read_articles([tmp_path], manifest=manifest)
    a, b = result.articles
    assert (a.outlet, a.title, a.published, a.language) == (
        "Wire A",
        "Headline A",
        D(2021, 2, 26),
        "en",
    )
    assert a.published_source == "metadata"
    # The manifest wins over front matter; its empty cells leave the file's values.
    assert (b.outlet, b.title, b.published) == ("Wire B", "Depot hit by drones", D(2021, 3, 1))
    assert (b.id, b.language) == ("depot-1", "en")
    assert result.problems == ()


def test_manifest_only_fills_gaps_for_multi_record_files(tmp_path: Path) -> None:
    records = [{"text": UNDATED, "outlet": "Own"}, {"text": UNDATED, "published": "2022-01-02"}]
    write(tmp_path / "feed.jsonl", "\n".join(json.dumps(r) for r in records))
    manifest = write(
        tmp_path / "m.csv", "file,outlet,headline,published,id\nfeed.jsonl,Wire,Head,2022-01-01,x\n"
    )
    a, b = read_articles([tmp_path / "feed.jsonl"], manifest=manifest).articles
    assert [(x.id, x.outlet, x.title, x.published) for x in (a, b)] == [
        ("feed:1", "Own", "", D(2022, 1, 1)),
        ("feed:2", "Wire", "", D(2022, 1, 2)),
    ]


def test_manifest_row_without_a_file_among_inputs(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", UNDATED)
    manifest = write(tmp_path / "manifest.csv", MANIFEST)
    result = read_articles([tmp_path / "a.txt"], manifest=manifest)
    problem = only_problem(result, "manifest")
    assert problem.path == str(manifest)
    assert problem.problem == f"{manifest} row 3: file b.md not found among the inputs"


def test_manifest_bad_date_names_the_row(tmp_path: Path) -> None:
    manifest = write(
        tmp_path / "manifest.csv", "file,published\na.txt,2021-02-26\nb.txt,26/02/21\n"
    )
    with pytest.raises(ArticleError) as info:
        read_manifest(manifest)
    assert str(info.value) == f"{manifest} row 3: published '26/02/21' is not a date (YYYY-MM-DD)"
    write(tmp_path / "a.txt", UNDATED)
    with pytest.raises(ArticleError, match="row 3"):
        read_articles([tmp_path / "a.txt"], manifest=manifest)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("name,published\na.txt,2021-02-26\n", "no 'file' column (columns: name, published)"),
        ("", "no 'file' column"),
        ("file,published\na.txt,2021-02-30\n", "row 2: published '2021-02-30' is not a date"),
        ("file\na.txt\nx/a.txt\n", "row 3: file a.txt is listed twice (also row 2)"),
        ("file,outlet\n,Wire\n", "row 2: the 'file' column is empty"),
        ('file,outlet\n"a.txt"x,Wire\n', "not valid CSV"),
    ],
)
def test_bad_manifests(tmp_path: Path, content: str, message: str) -> None:
    manifest = write(tmp_path / "manifest.csv", content)
    with pytest.raises(ArticleError) as info:
        read_manifest(manifest)
    assert message in str(info.value)
    assert "\n" not in str(info.value)


def test_missing_manifest(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match="no such file or directory"):
        read_manifest(tmp_path / "nope.csv")


def test_read_manifest_keys_by_basename(tmp_path: Path) -> None:
    manifest = write(tmp_path / "m.csv", "\ufeffFile , Outlet\r\ndocs\\a.txt, Wire \r\n,\r\n")
    assert read_manifest(manifest) == {"a.txt": {"file": "docs\\a.txt", "outlet": "Wire"}}


# --- paths: directories, globs, order, ids -----------------------------------------------


def test_directory_is_searched_recursively_and_sorted(tmp_path: Path) -> None:
    write(tmp_path / "z.txt", DATED)
    write(tmp_path / "sub" / "b.md", DATED)
    write(tmp_path / "sub" / "a.html", f"<p>{DATED}</p>")
    write(tmp_path / ".hidden.txt", DATED)
    write(tmp_path / ".git" / "c.txt", DATED)
    write(tmp_path / "manifest.csv", "file\n")
    write(tmp_path / "notes.csv", "x")
    result = read_articles([tmp_path])
    assert [Path(a.path).relative_to(tmp_path).as_posix() for a in result.articles] == [
        "sub/a.html",
        "sub/b.md",
        "z.txt",
    ]


def test_glob_patterns_and_duplicates(tmp_path: Path) -> None:
    write(tmp_path / "one" / "a.txt", DATED)
    write(tmp_path / "two" / "deep" / "b.json", json.dumps({"text": DATED}))
    write(tmp_path / "two" / "skip.csv", "x")
    result = read_articles([f"{tmp_path}/**/*", tmp_path / "one" / "a.txt"])
    assert [a.id for a in result.articles] == ["a", "b"]


def test_missing_path_and_unmatched_glob_raise(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match=r"nope\.txt: no such file or directory$"):
        read_articles([tmp_path / "nope.txt"])
    with pytest.raises(ArticleError, match="no files match this pattern"):
        read_articles([f"{tmp_path}/*.txt"])


def test_explicit_file_of_unsupported_type(tmp_path: Path) -> None:
    path = write(tmp_path / "data.csv", "a,b\n")
    problem = only_problem(read_articles([path]), "unreadable")
    assert problem.problem.startswith("unsupported file type '.csv'; expected .txt .md")


def test_id_clashes_get_suffixes(tmp_path: Path) -> None:
    write(tmp_path / "a" / "x.txt", DATED)
    write(tmp_path / "b" / "x.txt", DATED)
    write(tmp_path / "c" / "x.md", DATED)
    result = read_articles([tmp_path])
    assert [a.id for a in result.articles] == ["x", "x~2", "x~3"]


def test_max_bytes_is_validated(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match="max_bytes must be a positive number of bytes, not 0"):
        read_articles([tmp_path], max_bytes=0)


# --- encodings and unreadable files ------------------------------------------------------


def test_latin1_is_reported_not_guessed(tmp_path: Path) -> None:
    path = write(tmp_path / "latin.txt", b"Attack near the caf\xe9.")
    result = read_articles([path])
    assert result.articles == ()
    problem = only_problem(result, "unreadable")
    assert (problem.path, problem.problem) == (str(path), "not UTF-8 text (byte 0xe9 at offset 19)")


def test_utf16_and_utf8_bom_are_accepted(tmp_path: Path) -> None:
    write(tmp_path / "u16.txt", "Attaque près du café.".encode("utf-16"))
    write(tmp_path / "u16be.txt", b"\xfe\xff" + "Zweite Datei.".encode("utf-16-be"))
    write(tmp_path / "u8.txt", b"\xef\xbb\xbfWith a BOM.")
    result = read_articles([tmp_path])
    assert [a.text for a in result.articles] == [
        "Attaque près du café.",
        "Zweite Datei.",
        "With a BOM.",
    ]
    assert set(kinds(result)) == {"no-date"}


def test_bad_utf16_after_its_bom(tmp_path: Path) -> None:
    write(tmp_path / "odd.txt", b"\xff\xfeA\x00B")
    problem = only_problem(read_articles([tmp_path]), "unreadable")
    assert problem.problem.startswith("not UTF-16 text despite its byte-order mark")


def test_empty_and_whitespace_files(tmp_path: Path) -> None:
    write(tmp_path / "empty.txt", b"")
    write(tmp_path / "space.md", " \n\t\n")
    result = read_articles([tmp_path])
    assert result.articles == ()
    assert [(Path(p.path).name, p.problem, p.kind) for p in result.problems] == [
        ("empty.txt", "empty file", "empty"),
        ("space.md", "only whitespace", "empty"),
    ]


def test_too_large_file_is_not_read(tmp_path: Path) -> None:
    write(tmp_path / "big.txt", "x" * 2500)
    write(tmp_path / "small.txt", "tiny")
    result = read_articles([tmp_path], max_bytes=1000)
    assert [a.id for a in result.articles] == ["small"]
    problem = only_problem(result, "too-large")
    assert problem.problem == "larger than 1 kB limit (2.5 kB)"


def test_size_wording() -> None:
    assert [size(n) for n in (5_000_000, 12_345_678, 999, 1500)] == [
        "5 MB",
        "12.3 MB",
        "999 bytes",
        "1.5 kB",
    ]


def test_binary_file_with_nul_bytes(tmp_path: Path) -> None:
    write(tmp_path / "blob.txt", b"PK\x03\x04\x00\x00binary")
    problem = only_problem(read_articles([tmp_path]), "unreadable")
    assert problem.problem == "binary data (NUL byte at offset 4)"
    assert decode("a\x00b".encode("utf-16")) == ("", "binary data (NUL character)")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads all")
def test_permission_denied_is_reported(tmp_path: Path) -> None:
    path = write(tmp_path / "locked.txt", DATED)
    path.chmod(0)
    try:
        problem = only_problem(read_articles([path]), "unreadable")
    finally:
        path.chmod(0o644)
    assert problem.problem == "cannot be read (Permission denied)"


def test_os_errors_are_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "a.txt", DATED)
    write(tmp_path / "b.jsonl", json.dumps({"text": DATED}))

    def refuse(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", refuse)
    result = read_articles([tmp_path])
    assert result.articles == ()
    assert [(Path(p.path).name, p.problem, p.kind) for p in result.problems] == [
        ("a.txt", "cannot be read (Permission denied)", "unreadable"),
        ("b.jsonl", "cannot be read (Permission denied)", "unreadable"),
    ]


# --- publication dates -------------------------------------------------------------------


def test_inferred_and_unknown_publication_dates(tmp_path: Path) -> None:
    text = f"{DATED} An earlier raid came on Feb. 20, 2022, and another on 2022-02-25."
    write(tmp_path / "dated.txt", text)
    write(tmp_path / "undated.txt", UNDATED)
    result = read_articles([tmp_path])
    dated, undated = result.articles
    assert (dated.published, dated.published_source) == (D(2022, 3, 3), "inferred")
    assert (undated.published, undated.published_source) == (None, "unknown")
    assert [(Path(p.path).name, p.problem, p.kind) for p in result.problems] == [
        (
            "dated.txt",
            "no publication date; inferred 2022-03-03 from the latest complete date in the text",
            "inferred-date",
        ),
        ("undated.txt", "no publication date; relative dates in it stay unresolved", "no-date"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Struck on Dec. 27, 2019; again two days later.", D(2019, 12, 27)),
        ("Struck on 27 December 2019 and on January 2, 2020.", D(2020, 1, 2)),
        ("Struck on 2020-01-02.", D(2020, 1, 2)),
        ("Struck on Christmas Day 2019.", D(2019, 12, 25)),
        ("Struck on Dec. 27 and in January 2020.", None),
        ("Struck last Sunday.", None),
    ],
)
def test_infer_published(text: str, expected: dt.date | None) -> None:
    assert infer_published(text) == expected


def test_article_from_text() -> None:
    a = article_from_text("Rockets hit a base.\r\n", id="m1", published=D(2021, 2, 26), outlet="W")
    assert (a.id, a.text, a.published, a.published_source) == (
        "m1",
        "Rockets hit a base.\n",
        D(2021, 2, 26),
        "metadata",
    )
    assert article_from_text(UNDATED, id="m2").published_source == "unknown"
    with pytest.raises(ArticleError, match="non-empty string"):
        article_from_text("x", id="")


# --- the shared seed articles ------------------------------------------------------------


@pytest.mark.shared
def test_shared_seeds_with_their_manifest() -> None:
    seeds = shared_path("seeds")
    result = read_articles([seeds], manifest=seeds / "manifest.csv")
    rows = read_manifest(seeds / "manifest.csv")
    assert len(result.articles) == 5
    for article in result.articles:
        row = rows[Path(article.path).name]
        assert article.published == D.fromisoformat(row["published"])
        assert article.published_source == "metadata"
        assert article.outlet == row["outlet"] and article.outlet
        assert article.title == row["headline"]
        assert article.language == "en"
        assert article.text and not article.text[0].isspace()
    assert result.problems == ()
