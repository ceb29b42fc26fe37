"""Sentence splitting with character spans, tuned to news copy.

Titles and abbreviations common in this reporting ("U.S.", "Maj. Gen.", "Dec. 27",
"Jan. 4", "Lt. Col.") do not end a sentence; line breaks and bullets always do (headlines,
captions and bylines stand on lines of their own).

Examples
--------
>>> text = "A U.S. strike hit Baghdad on Jan. 4. Maj. Gen. Ryder spoke.\\nHeadline here"
>>> [text[s:e] for s, e in split_sentences(text)]
['A U.S. strike hit Baghdad on Jan. 4.', 'Maj. Gen. Ryder spoke.', 'Headline here']
"""

from __future__ import annotations

import re

__all__ = ["split_sentences"]

_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen maj col lt capt sgt cpl pvt adm cmdr cdr brig rep sen gov pres
    st mt ft jr sr co corp inc ltd no vs etc approx est dept univ jan feb mar apr jun jul aug
    sep sept oct nov dec u.s u.k u.n e.g i.e a.m p.m al""".split()
)
# A sentence ends at . ! ? (optionally followed by closing quotes/brackets) before
# whitespace and an upper-case letter, digit or opening quote.
_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"“'‘(\[]?[A-Z0-9])")


# Lines, and the items of a list run into one line ("… Incidents: • On March 21, … • On
# November 2, …"): a bullet starts a sentence as a line break does.
_LINES = re.compile(r"[^\n•▪]+")


def _ends_sentence(text: str, dot: int) -> bool:
    """Whether the punctuation at ``dot`` ends a sentence (not an abbreviation)."""
    if text[dot] != ".":
        return True
    start = dot
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "."):
        start -= 1
    word = text[start:dot].lower()
    if word in _ABBREVIATIONS:
        return False
    # Single capital initials ("J. Smith") and dotted acronyms ("U.S.").
    return not (len(word) == 1 and text[start].isupper())


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` spans of the sentences in ``text``, whitespace trimmed.

    Parameters
    ----------
    text : str
        Article text.

    Returns
    -------
    list of tuple of int
        Spans in text order; ``text[start:end]`` is one sentence.

    Examples
    --------
    >>> split_sentences("One. Two!")
    [(0, 4), (5, 9)]
    >>> split_sentences("")
    []
    """
    spans: list[tuple[int, int]] = []
    for line_match in _LINES.finditer(text):
        line_start, line_end = line_match.span()
        pos = line_start
        for m in _END.finditer(text, line_start, line_end):
            dot = m.start()
            if not _ends_sentence(text, dot):
                continue
            _add(text, spans, pos, m.end())
            pos = m.end()
        _add(text, spans, pos, line_end)
    return spans


def _add(text: str, spans: list[tuple[int, int]], start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
