"""Quick case-insensitive tests: plain searches in ``text.lower()``.

A regex with ``re.IGNORECASE`` tries every place of a text in every casing; a search for
lower-case words in ``text.lower()`` is several times faster.  The two find the same words
unless the text holds one of the four non-ASCII letters that case-insensitive matching takes
for ASCII ones ('İ', 'ı', 'ſ' and the Kelvin sign, named in the :mod:`re` documentation);
:func:`lowered` then gives ``None`` and callers use the regex.

Examples
--------
>>> lowered("Two Soldiers Were KILLED")
'two soldiers were killed'
>>> lowered("Two soldiers were kİlled") is None
True
"""

from __future__ import annotations

import re

__all__ = ["lowered"]

_ASCII_LOOKALIKES = re.compile("[\u0130\u0131\u017f\u212a]")

# The last text asked and its answer: each stage of a sentence (triggers, dates, counts, the
# scans of their patterns) asks for the same sentence object again.  Only that very object
# (``is``, not ``==``) is answered from it, and one at a time: the next sentence replaces
# it, so nothing is kept from one sentence to the next.  One tuple, swapped whole, so that
# threads never read one text's answer for another.
_last: list[tuple[str, str | None]] = [("", "")]


def lowered(text: str) -> str | None:
    """``text.lower()``, in which a search for lower-case ASCII words finds them where a
    case-insensitive regex would; ``None`` when the text holds a letter that such a regex
    takes for an ASCII one."""
    last = _last[0]
    if last[0] is text:
        return last[1]
    low = text.lower() if text.isascii() or not _ASCII_LOOKALIKES.search(text) else None
    _last[0] = (text, low)
    return low
