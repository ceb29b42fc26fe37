"""Article files to :class:`~geo.articles.article.Article` objects.

Reads ``.txt`` (the whole file is the text), ``.md`` (optional YAML front matter), ``.html`` and
``.htm`` (main text, see :func:`html_to_text`), ``.json`` (one object or a list of objects) and
``.jsonl`` (one object per line, streamed) files, with an optional CSV manifest of metadata.
A bad file or record never stops a run: it is skipped and reported as a :class:`Problem`.

Text is UTF-8 (a BOM is dropped) or UTF-16/UTF-32 with a BOM; other encodings are reported,
never guessed. ``\\r\\n`` becomes ``\\n`` and no-break spaces become spaces; nothing else
changes, since character offsets into :attr:`Article.text` are provenance spans. The
per-format readers live in :mod:`geo.articles.files`, HTML reduction in :mod:`geo.articles.html`.

Examples
--------
>>> import pathlib, tempfile
>>> with tempfile.TemporaryDirectory() as tmp:
...     _ = pathlib.Path(tmp, "a.txt").write_text("Drones hit a depot on 3 May 2022.")
...     result = read_articles([tmp])
>>> [(a.id, a.published, a.published_source) for a in result.articles]
[('a', datetime.date(2022, 5, 3), 'inferred')]
>>> [p.kind for p in result.problems]
['inferred-date']
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from geo.articles.article import Article
from geo.articles.files import EXTENSIONS, Draft, Problem, Span, as_date, normalise, read_file
from geo.articles.html import html_to_text
from geo.errors import ArticleError
from geo.extract.spans.dates import find_dates

__all__ = [
    "Inputs",
    "Problem",
    "ReadResult",
    "Span",
    "article_from_text",
    "find_inputs",
    "html_to_text",
    "infer_published",
    "iter_articles",
    "read_articles",
    "read_files",
    "read_manifest",
]

_GLOB = re.compile(r"[*?[]")
_HAS_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


@dataclass(frozen=True, slots=True)
class ReadResult:
    """The articles read, in path order, and the problems met on the way."""

    articles: tuple[Article, ...]
    problems: tuple[Problem, ...]


@dataclass(frozen=True, slots=True)
class Inputs:
    """The article files of a run in path order, their manifest rows by base name, and
    the manifest rows that match no file (as problems)."""

    files: tuple[Path, ...]
    rows: Mapping[str, Mapping[str, str]]
    problems: tuple[Problem, ...]


def _wanted(name: str) -> bool:
    skipped = name.startswith(".") or name == "manifest.csv" or name.upper().startswith("README")
    return not skipped and name.endswith(EXTENSIONS)


def _walk(root: str) -> Iterator[Path]:
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = [d for d in subfolders if not d.startswith(".")]
        yield from (Path(folder, f) for f in files if _wanted(f.lower()))


def _hidden(path: Path, pattern: str) -> bool:
    """A hidden file or folder that the pattern does not name explicitly (as glob does)."""
    explicit = any(part.startswith(".") for part in Path(pattern).parts)
    return not explicit and any(part.startswith(".") for part in path.parts)


def _glob(pattern: str) -> list[str]:
    """Paths matching ``pattern``, sorted; ``**`` never follows a symlink to a folder (so
    a symlink loop cannot make it run forever), unlike :func:`glob.glob`."""
    parts = Path(pattern).parts
    fixed = next(i for i, part in enumerate(parts) if _GLOB.search(part))
    root = Path(*parts[:fixed]) if fixed else Path()
    rest = str(Path(*parts[fixed:]))
    try:
        found = [str(p) for p in root.glob(rest) if not _hidden(p.relative_to(root), rest)]
    except (OSError, ValueError) as err:
        raise ArticleError(f"{pattern}: cannot expand this pattern ({err})") from err
    return sorted(found)


def _expand(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Files named, found in directories or matched by globs; deduplicated, sorted by path."""
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    found: dict[str, Path] = {}
    for item in paths:
        name = os.fspath(item)
        if os.path.isdir(name):
            files = list(_walk(name))
        elif os.path.exists(name):
            files = [Path(name)]
        elif _GLOB.search(name):
            matches = _glob(name)
            if not matches:
                raise ArticleError(f"{name}: no files match this pattern")
            files = [f for m in matches if os.path.isdir(m) for f in _walk(m)]
            files += [
                Path(m)
                for m in matches
                if os.path.isfile(m) and _wanted(os.path.basename(m).lower())
            ]
        else:
            raise ArticleError(f"{name}: no such file or directory")
        for file in files:
            found.setdefault(os.path.realpath(file), file)
    return sorted(found.values(), key=str)


def _manifest(path: str | os.PathLike[str]) -> dict[str, tuple[int, dict[str, str]]]:
    """Rows by file basename, with their row number (the header is row 1)."""
    name, rows = os.fspath(path), dict[str, tuple[int, dict[str, str]]]()
    try:
        with open(name, encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle, strict=True)
            header = [column.strip().lower() for column in next(reader, [])]
            if "file" not in header:
                raise ArticleError(f"{name}: no 'file' column (columns: {', '.join(header)})")
            for cells in reader:
                row = {k: v.strip() for k, v in zip(header, cells, strict=False) if k}
                n, at = reader.line_num, f"{name} row {reader.line_num}"
                if not any(row.values()):
                    continue
                key = re.split(r"[\\/]", row.get("file", ""))[-1]
                if not key:
                    raise ArticleError(f"{at}: the 'file' column is empty")
                if key in rows:
                    raise ArticleError(
                        f"{at}: file {key} is listed twice (also row {rows[key][0]})"
                    )
                date = row.get("published", "")
                if date and (not re.fullmatch(r"\d{4}-\d\d-\d\d", date) or not as_date(date)):
                    raise ArticleError(f"{at}: published {date!r} is not a date (YYYY-MM-DD)")
                rows[key] = (n, row)
    except FileNotFoundError as err:
        raise ArticleError(f"{name}: no such file or directory") from err
    except OSError as err:
        raise ArticleError(f"{name}: cannot be read ({err.strerror or err})") from err
    except UnicodeDecodeError as err:
        raise ArticleError(f"{name}: not UTF-8 text (offset {err.start})") from err
    except csv.Error as err:
        raise ArticleError(f"{name}: not valid CSV ({err})") from err
    return rows


def _finish(
    draft: Draft, row: Mapping[str, str], used: set[str], problems: list[Problem]
) -> Article:
    """Apply the manifest row, settle the publication date and make the id unique."""
    meta, published, source = dict(draft.meta), draft.published, "metadata"
    given = {key: row.get(key, "") for key in ("outlet", "language", "url", "id")}
    given["title"] = row.get("headline") or row.get("title", "")
    manifest_date = as_date(row.get("published"))
    if draft.single:
        meta |= {key: value for key, value in given.items() if value}
        published = manifest_date or published
    else:
        meta |= {k: given[k] for k in ("outlet", "language") if given[k] and not meta.get(k)}
        published = published or manifest_date
    if published is None:
        published = infer_published(draft.text)
        prefix = f"{draft.noun}: no publication date; " if draft.noun else "no publication date; "
        if published is None:
            source, kind, rest = "unknown", "no-date", "relative dates in it stay unresolved"
        else:
            source, kind = "inferred", "inferred-date"
            rest = f"inferred {published.isoformat()} from the latest complete date in the text"
        problems.append(Problem(draft.where, prefix + rest, kind))
    ident, n = meta["id"], 1
    while ident in used:
        n += 1
        ident = f"{meta['id']}~{n}"
    used.add(ident)
    return Article(
        id=ident,
        text=draft.text,
        title=meta.get("title", ""),
        outlet=meta.get("outlet", ""),
        url=meta.get("url", ""),
        published=published,
        published_source=source,
        path=draft.path,
        language=meta.get("language", ""),
    )


def read_manifest(path: str | os.PathLike[str]) -> dict[str, dict[str, str]]:
    """Read a CSV manifest of article metadata.

    Parameters
    ----------
    path
        A UTF-8 CSV file with a header. ``file`` is required (only its base name is used);
        ``outlet``, ``headline`` (or ``title``), ``published`` (YYYY-MM-DD), ``language``,
        ``url`` and ``id`` are used when present; other columns are kept but ignored.

    Returns
    -------
    dict
        Each row (column names lower-cased, values stripped) by file base name.

    Raises
    ------
    ArticleError
        Missing file, no ``file`` column, bad CSV, an empty or repeated file name, or a
        ``published`` value that is not a date. Row numbers count the header as row 1.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     csv_path = pathlib.Path(tmp, "manifest.csv")
    ...     _ = csv_path.write_text("file,outlet,published\\na.txt,Daily,2021-02-26\\n")
    ...     read_manifest(csv_path)
    {'a.txt': {'file': 'a.txt', 'outlet': 'Daily', 'published': '2021-02-26'}}
    """
    return {key: row for key, (_n, row) in _manifest(path).items()}


def infer_published(text: str) -> dt.date | None:
    """Return the latest complete date (day, month and year) in a text, or None.

    News reports past events, so the latest complete date an article gives is a lower bound
    on its publication date; it is the best guess when the date is not otherwise known.

    Examples
    --------
    >>> infer_published("Jets struck on Dec. 27, 2019; another raid came on 2 January 2020.")
    datetime.date(2020, 1, 2)
    >>> infer_published("Jets struck the depot on Sunday, two days after 2019-12-27.")
    datetime.date(2019, 12, 27)
    >>> infer_published("Jets struck the depot in January 2020.") is None
    True
    """
    found = find_dates(text, None)
    days = [d.date for d in found if d.precision == "day" and _HAS_YEAR.search(d.text)]
    return max(days, default=None)


def article_from_text(
    text: str,
    *,
    id: str,
    published: dt.date | None = None,
    title: str = "",
    outlet: str = "",
    url: str = "",
) -> Article:
    """Make an article from text in memory (normalised as file text is, not stripped).

    Without ``published`` the date is inferred as :func:`infer_published` does.

    Examples
    --------
    >>> a = article_from_text("Rockets hit a base on 15 Feb 2021.", id="x", outlet="Wire")
    >>> a.published, a.published_source, a.path
    (datetime.date(2021, 2, 15), 'inferred', '')
    """
    if not isinstance(id, str) or not id.strip():
        raise ArticleError(f"an article id must be a non-empty string, not {id!r}")
    body, source = normalise(text), "metadata"
    if published is None:
        published = infer_published(body)
        source = "unknown" if published is None else "inferred"
    published = as_date(published)
    return Article(id, body, title, outlet, url, published, source, "", "")


def iter_articles(
    paths: Iterable[str | os.PathLike[str]],
    *,
    manifest: str | os.PathLike[str] | None = None,
    max_bytes: int = 5_000_000,
    problems: list[Problem] | None = None,
) -> Iterator[Article]:
    """Stream the articles of files, directories and glob patterns.

    Parameters are those of :func:`read_articles`, plus ``problems``: a list that problems
    are appended to as they are met (they are dropped when it is None). Paths, globs, the
    manifest and ``max_bytes`` are checked at once, raising :class:`ArticleError`; files are
    read one at a time as the iterator is consumed, ``.jsonl`` files one line at a time.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     _ = pathlib.Path(tmp, "feed.jsonl").write_text('{"text": "A."}\\n{"body": 1}\\n')
    ...     problems: list[Problem] = []
    ...     ids = [a.id for a in iter_articles([tmp], problems=problems)]
    >>> ids
    ['feed:1']
    >>> for problem in problems:
    ...     print(problem.kind, "|", problem.problem)
    no-date | record 1: no publication date; relative dates in it stay unresolved
    bad-record | no text field in record 2
    """
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes < 1:
        raise ArticleError(f"max_bytes must be a positive number of bytes, not {max_bytes!r}")
    inputs = find_inputs(paths, manifest=manifest)
    sink = problems if problems is not None else []
    sink.extend(inputs.problems)
    found = read_files(inputs.files, inputs.rows, max_bytes=max_bytes, problems=sink)
    return (article for _asked, article in found)


def find_inputs(
    paths: Iterable[str | os.PathLike[str]], *, manifest: str | os.PathLike[str] | None = None
) -> Inputs:
    """The files that :func:`iter_articles` reads, in order, with the manifest's rows.

    Raises :class:`ArticleError` as :func:`read_articles` does; reads no article.
    """
    files = _expand(paths)
    numbered = _manifest(manifest) if manifest is not None else {}
    names = {file.name for file in files}
    problems = []
    for key, (n, _row) in numbered.items():
        if key not in names:
            where = os.fspath(manifest or "")
            message = f"{where} row {n}: file {key} not found among the inputs"
            problems.append(Problem(where, message, "manifest"))
    rows = {key: row for key, (_n, row) in numbered.items()}
    return Inputs(tuple(files), rows, tuple(problems))


def read_files(
    pieces: Iterable[Path | tuple[Path, Span | None]],
    rows: Mapping[str, Mapping[str, str]],
    *,
    max_bytes: int,
    problems: list[Problem],
    used: set[str] | None = None,
) -> Iterator[tuple[str, Article]]:
    """Stream the articles of files (or spans of ``.jsonl`` files) with the id each asked for.

    The building block of :func:`iter_articles`, for readers that split a run into
    blocks (:mod:`geo.scale.blocks`).  Ids are made unique among ``used`` (updated as it
    goes; a new set when None) with ``~2``-style suffixes; the id asked for (before
    any suffix) lets a block tell which of its ids earlier blocks would have taken.
    """
    taken = used if used is not None else set()
    for piece in pieces:
        path, span = piece if isinstance(piece, tuple) else (piece, None)
        row = rows.get(path.name, {})
        for draft in read_file(path, max_bytes, problems, span=span):
            yield draft.meta["id"], _finish(draft, row, taken, problems)


def read_articles(
    paths: Iterable[str | os.PathLike[str]],
    *,
    manifest: str | os.PathLike[str] | None = None,
    max_bytes: int = 5_000_000,
) -> ReadResult:
    """Read article files into articles, reporting the files and records that fail.

    Parameters
    ----------
    paths
        Files, directories (searched recursively for .txt .md .html .htm .json .jsonl files,
        skipping ``manifest.csv``, ``README*`` and names starting with '.') and glob
        patterns (``**`` allowed; directories and article files they match are read).
    manifest
        A CSV manifest (see :func:`read_manifest`), matched to files by base name. Its
        non-empty values override what a one-article file states, since it was passed on
        purpose; for ``.json`` lists and ``.jsonl`` files it only gives outlet, language and
        publication date to records that lack them. Rows that match no input are reported.
    max_bytes
        Largest file read (for ``.jsonl``, largest line); bigger ones are reported.

    Returns
    -------
    ReadResult
        Articles in path order (then record order) with unique ids (``~2``, ``~3`` added on a
        clash), and problems. Ids are the manifest or record id, else the file stem
        (``stem:n`` for the n-th record of a ``.json`` list or line n of a ``.jsonl`` file).
        Without a publication date in the metadata it is inferred from the text
        (:func:`infer_published`, reported as ``inferred-date``) or left unknown (``no-date``).

    Raises
    ------
    ArticleError
        A path that does not exist, a glob that matches nothing, a bad manifest or max_bytes.
    """
    problems: list[Problem] = []
    found = iter_articles(paths, manifest=manifest, max_bytes=max_bytes, problems=problems)
    articles = tuple(found)
    return ReadResult(articles, tuple(problems))
