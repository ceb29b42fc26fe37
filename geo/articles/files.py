"""Article files, one format at a time: bytes to text, text to article drafts.

:func:`read_file` turns one ``.txt``, ``.md``, ``.html``/``.htm``, ``.json`` or ``.jsonl``
file into :class:`Draft` articles and reports what goes wrong as :class:`Problem` values
instead of raising; :mod:`geo.articles.readers` applies the manifest, dates and ids.

Text is UTF-8 (a BOM is dropped) or UTF-16/UTF-32 with a BOM; other encodings are reported,
never guessed. ``\\r\\n`` becomes ``\\n`` and no-break spaces become spaces; nothing else
changes, since character offsets into the text are provenance spans.

Examples
--------
>>> decode("café".encode())
('café', '')
>>> decode(b"caf\\xe9")
('', 'not UTF-8 text (byte 0xe9 at offset 3)')
>>> as_date("2024-01-04T09:30:00Z")
datetime.date(2024, 1, 4)
"""

from __future__ import annotations

import codecs
import datetime as dt
import io
import json
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

import yaml

from geo.articles.html import html_to_text

__all__ = [
    "EXTENSIONS",
    "Draft",
    "Problem",
    "Span",
    "as_date",
    "decode",
    "normalise",
    "read_file",
    "size",
]

EXTENSIONS = (".txt", ".md", ".html", ".htm", ".json", ".jsonl")
_DATE_PART = re.compile(r"(\d{4})-(\d\d)-(\d\d)(?:$|[T ])")
_FRONT = re.compile(r"\A---[ \t]*\n(.*?)^(?:---|\.\.\.)[ \t]*$\n?", re.S | re.M)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_KEYS = {
    "text": ("text", "body", "content"),
    "title": ("title", "headline"),
    "outlet": ("outlet", "source"),
    "url": ("url", "link"),
    "published": ("published", "date", "publishedAt"),
    "language": ("language", "lang"),
    "id": ("id",),
}


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong with one input, reported instead of raised.

    Attributes
    ----------
    path : str
        The file (``file:line`` for a ``.jsonl`` line, the manifest for manifest rows).
    problem : str
        One line, e.g. ``"not UTF-8 text (byte 0xe9 at offset 3)"``.
    kind : str
        ``'unreadable'``, ``'empty'``, ``'too-large'``, ``'bad-record'``, ``'no-date'``,
        ``'inferred-date'`` or ``'manifest'``.
    """

    path: str
    problem: str
    kind: str


@dataclass(frozen=True, slots=True)
class Draft:
    """An article before the manifest, the publication date and a unique id are settled."""

    where: str  # Problem.path: the file, or file:line
    noun: str  # '' for a one-article file, else 'record N'
    text: str
    meta: dict[str, str]  # id (always), title, outlet, url, language
    published: dt.date | None
    path: str
    single: bool  # the file holds one article, so its manifest row applies in full


@dataclass(frozen=True, slots=True)
class Span:
    """Part of a UTF-8 ``.jsonl`` file: bytes ``[start, end)``, whole lines, the first being
    line ``line`` of the file (so record ids and problem lines are those of the whole file)."""

    start: int
    end: int
    line: int


def size(n: int) -> str:
    for unit, scale in (("MB", 1e6), ("kB", 1e3)):
        if n >= scale:
            return f"{n / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{n} bytes"


#: Invisible format characters (soft hyphen, zero-width spaces and joiners, direction marks
#: and overrides, word joiners, byte order marks, tag characters): they hide words from
#: matching ("Kir\u200bkuk", "\u202eKataib Hezbollah") and show nothing in a quote.
INVISIBLE = re.compile(
    "[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\U000e0000-\U000e007f]"
)
#: Space characters of other widths (no-break, thin, ideographic...), and line separators.
_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_LINES = re.compile("[\u2028\u2029\x85]")


def normalise(text: str) -> str:
    r"""The text of an article as the extraction reads it, in one place.

    ``\r\n`` and Unicode line separators to ``\n``, spaces of every width to ``" "``,
    invisible format characters (:data:`INVISIBLE`) dropped; every other character is
    kept, so offsets and quotes refer to this text.

    Examples
    --------
    >>> normalise("\u202eKataib\u00a0Hezbollah hit Kir\u200bkuk\r\n")
    'Kataib Hezbollah hit Kirkuk\n'
    """
    text = INVISIBLE.sub("", text.replace("\r\n", "\n"))
    return _LINES.sub("\n", _SPACES.sub(" ", text))


def as_date(value: object) -> dt.date | None:
    """A date, datetime or ISO string (date part of a datetime) as a date; None otherwise."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    match = _DATE_PART.match(value.strip()) if isinstance(value, str) else None
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3])) if match else None
    except ValueError:
        return None


def decode(data: bytes) -> tuple[str, str]:
    """Decode UTF-8 (BOM dropped) or BOM-marked UTF-16/32: (text, '') or ('', problem)."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as err:
                return "", f"not {codec.upper()} text despite its byte-order mark ({err.reason})"
            break
    else:
        if b"\x00" in data:
            return "", f"binary data (NUL byte at offset {data.index(0)})"
        skip = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
        try:
            text = data[skip:].decode("utf-8")
        except UnicodeDecodeError as err:
            at = err.start + skip
            return "", f"not UTF-8 text (byte 0x{data[at]:02x} at offset {at})"
    return ("", "binary data (NUL character)") if "\x00" in text else (text, "")


def _load_text(path: Path, max_bytes: int, problems: list[Problem]) -> str | None:
    """The decoded, normalised text of a file, or None after reporting why not."""
    name = str(path)
    try:
        n_bytes = path.stat().st_size
        if n_bytes <= max_bytes:
            with path.open("rb") as handle:
                data = handle.read(max_bytes + 1)
            n_bytes = len(data)
    except OSError as err:
        problems.append(Problem(name, f"cannot be read ({err.strerror or err})", "unreadable"))
        return None
    if n_bytes > max_bytes:
        message = f"larger than {size(max_bytes)} limit ({size(n_bytes)})"
        problems.append(Problem(name, message, "too-large"))
        return None
    text, problem = decode(data)
    if problem:
        problems.append(Problem(name, problem, "unreadable"))
    elif not text.strip():
        problems.append(Problem(name, "empty file" if not data else "only whitespace", "empty"))
    return normalise(text) if text.strip() and not problem else None


def _fields(
    record: Mapping[str, Any], where: str, noun: str, problems: list[Problem]
) -> tuple[dict[str, str], dt.date | None]:
    """Metadata of a JSON record or front matter: (title/outlet/url/language/id, published)."""
    meta: dict[str, str] = {}
    for key in ("title", "outlet", "url", "language", "id"):
        value = next((record[k] for k in _KEYS[key] if record.get(k) is not None), None)
        if isinstance(value, Mapping):  # NewsAPI style: "source": {"id": ..., "name": ...}
            value = value.get("name")
        if isinstance(value, str | int) and not isinstance(value, bool) and str(value).strip():
            meta[key] = str(value).strip()
    raw = next((record[k] for k in _KEYS["published"] if record.get(k) not in (None, "")), None)
    published = as_date(raw)
    if raw is not None and published is None:
        prefix = f"{noun}: " if noun else ""
        message = f"{prefix}published {raw!r} is not a date (YYYY-MM-DD); ignored"
        problems.append(Problem(where, message, "bad-record"))
    return meta, published


def _record(
    item: object,
    where: str,
    noun: str,
    default_id: str,
    path: Path,
    single: bool,
    problems: list[Problem],
) -> Draft | None:
    """One JSON record as a draft, or None after reporting why not."""
    label = noun or "the record"
    if not isinstance(item, dict):
        problems.append(Problem(where, f"{label} is not a JSON object", "bad-record"))
        return None
    text = next((item[k] for k in _KEYS["text"] if isinstance(item.get(k), str)), None)
    if text is None:
        problems.append(Problem(where, f"no text field in {label}", "bad-record"))
        return None
    if not text.strip():
        problems.append(Problem(where, f"empty text in {label}", "empty"))
        return None
    meta, published = _fields(item, where, noun, problems)
    meta.setdefault("id", default_id)
    return Draft(where, noun, normalise(text).strip(), meta, published, str(path), single)


def _read_json(path: Path, text: str, problems: list[Problem]) -> Iterator[Draft]:
    name = str(path)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        message = f"not valid JSON ({err.msg}, column {err.colno})"
        problems.append(Problem(f"{name}:{err.lineno}", message, "bad-record"))
        return
    except RecursionError:
        problems.append(Problem(name, "JSON nested too deeply", "bad-record"))
        return
    items = list(enumerate(data, 1)) if isinstance(data, list) else [(0, data)]
    for n, item in items:
        noun, ident = (f"record {n}", f"{path.stem}:{n}") if n else ("", path.stem)
        draft = _record(item, name, noun, ident, path, not n, problems)
        if draft is not None:
            yield draft


def _line_reader(handle: BinaryIO) -> tuple[Callable[[int], bytes], str]:
    """A readline giving UTF-8 bytes (re-encoded when the file has a UTF-16/32 BOM), the codec."""
    start = handle.read(4)
    codec = next((c for bom, c in _BOMS if start.startswith(bom)), "")
    handle.seek(0)
    if not codec:
        return handle.readline, "UTF-8"
    stream = io.TextIOWrapper(handle, encoding=codec, newline="")

    def readline(size: int) -> bytes:
        return stream.readline(size).encode()

    return readline, codec.upper()


def _jsonl_lines(
    path: Path, max_bytes: int, problems: list[Problem], span: Span | None = None
) -> Iterator[tuple[int, str]]:
    """(line number, text) of each non-blank line of a file or span, streamed; max_bytes a line."""
    name, codec, seen = str(path), "UTF-8", False
    try:
        with path.open("rb") as handle:
            if span is None:
                readline, codec = _line_reader(handle)
                n, stop = 0, -1
            else:
                handle.seek(span.start)
                readline, n, stop = handle.readline, span.line - 1, span.end
            while (stop < 0 or handle.tell() < stop) and (line := readline(max_bytes + 1)):
                n += 1
                if len(line) > max_bytes:
                    while line and not line.endswith(b"\n"):
                        line = readline(max_bytes + 1)
                    message = f"line larger than {size(max_bytes)} limit"
                    problems.append(Problem(f"{name}:{n}", message, "too-large"))
                    continue
                text, problem = decode(line.removeprefix(codecs.BOM_UTF8) if n == 1 else line)
                if problem:
                    problems.append(Problem(f"{name}:{n}", problem, "unreadable"))
                elif text.strip():
                    seen = True
                    yield n, text.removeprefix("\ufeff")
    except (OSError, UnicodeDecodeError) as err:
        reason = err.strerror if isinstance(err, OSError) else f"not {codec} text: {err.reason}"
        problems.append(Problem(name, f"cannot be read ({reason or err})", "unreadable"))
        return
    if not seen:
        problems.append(Problem(name, "no records (empty file)", "empty"))


def _read_jsonl(
    path: Path, max_bytes: int, problems: list[Problem], span: Span | None
) -> Iterator[Draft]:
    """Records of a JSON Lines file (or a span of it), one line at a time."""
    for n, text in _jsonl_lines(path, max_bytes, problems, span):
        where = f"{path}:{n}"
        try:
            item = json.loads(text)
        except json.JSONDecodeError as err:
            message = f"not valid JSON ({err.msg}, column {err.colno})"
            problems.append(Problem(where, message, "bad-record"))
            continue
        except RecursionError:
            problems.append(Problem(where, "JSON nested too deeply", "bad-record"))
            continue
        draft = _record(item, where, f"record {n}", f"{path.stem}:{n}", path, False, problems)
        if draft is not None:
            yield draft


def _read_markdown(path: Path, text: str, problems: list[Problem]) -> Draft:
    name, meta, published, body = str(path), {"id": path.stem}, None, text
    match = _FRONT.match(text)
    if match:
        try:
            loaded = yaml.safe_load(match[1])
            if not isinstance(loaded, dict | None):
                raise yaml.YAMLError(f"a {type(loaded).__name__}, not a mapping")
        except yaml.YAMLError as err:
            mark = getattr(err, "problem_mark", None)
            why = f"{getattr(err, 'problem', '')}, line {mark.line + 2}" if mark else str(err)
            message = f"bad YAML front matter ({why}); read as plain text"
            problems.append(Problem(name, message, "bad-record"))
        else:
            body = text[match.end() :]
            found, published = _fields(loaded or {}, name, "", problems)
            meta.update(found)
    if not body.strip():
        problems.append(Problem(name, "no text after the front matter", "empty"))
    return Draft(name, "", body.strip(), meta, published, name, True)


def read_file(
    path: Path, max_bytes: int, problems: list[Problem], *, span: Span | None = None
) -> Iterator[Draft]:
    """Drafts of the articles in one file (none after reporting a problem).

    With ``span`` only those lines of a ``.jsonl`` file are read; a span without any
    record reports the file as empty, so a caller reading a file in spans keeps that
    problem only when every span reported it, and once.
    """
    name, suffix = str(path), path.suffix.lower()
    if span is not None and suffix != ".jsonl":
        raise ValueError(f"{name}: only .jsonl files are read in spans")
    if suffix not in EXTENSIONS:
        wanted = " ".join(EXTENSIONS)
        message = f"unsupported file type {suffix or '(no extension)'!r}; expected {wanted}"
        problems.append(Problem(name, message, "unreadable"))
        return
    if suffix == ".jsonl":
        yield from _read_jsonl(path, max_bytes, problems, span)
        return
    text = _load_text(path, max_bytes, problems)
    if text is None:
        return
    if suffix == ".json":
        yield from _read_json(path, text, problems)
    elif suffix == ".md":
        draft = _read_markdown(path, text, problems)
        if draft.text:
            yield draft
    elif suffix == ".txt":
        yield Draft(name, "", text.strip(), {"id": path.stem}, None, name, True)
    else:
        body, found = html_to_text(text)
        meta, published = _fields(found, name, "", problems)
        if body:
            yield Draft(name, "", normalise(body), meta | {"id": path.stem}, published, name, True)
        else:
            problems.append(Problem(name, "no text in the page", "empty"))
