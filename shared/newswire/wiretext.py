"""Parse the wire-text format newsrooms send as ``text/plain``.

    date 2025-04-25            optional; the body may run on from the same line
    headline: ...              optional header lines of known keys only,
    urgency: 3                 ended by a blank line

    First paragraph ...        the body: paragraphs separated by blank lines

A body line that merely looks like ``Word: text`` stays body: only a block of known keys
followed by a blank line (or the end) is a header.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

_DATE_LINE = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})(?:\s+|$)(.*)$", re.IGNORECASE)
_HEADER_KEYS = ("headline", "byline", "slugline", "urgency", "language", "embargo", "guid", "version")
_HEADER_LINE = re.compile(rf"^({'|'.join(_HEADER_KEYS)})\s*:\s*(.*?)\s*$", re.IGNORECASE)
_FIELD_NAMES = {"embargo": "embargoed"}


class WireTextError(ValueError):
    """The text cannot be read as an article."""


def parse_wire_text(text: str) -> dict[str, Any]:
    """Split wire text into article fields (unvalidated: the caller builds ``ArticleIn``)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff").split("\n")
    fields: dict[str, Any] = {}

    while lines and not lines[0].strip():
        lines.pop(0)
    if lines and (match := _DATE_LINE.match(lines[0])):
        try:
            fields["dateline_date"] = date.fromisoformat(match.group(1))
        except ValueError as exc:
            raise WireTextError(f"invalid date on the first line: {match.group(1)}") from exc
        if match.group(2).strip():
            lines[0] = match.group(2)  # the body runs on from the date line: no header block
        else:
            lines.pop(0)
            fields.update(_take_headers(lines))
    else:
        fields.update(_take_headers(lines))

    body = "\n".join(lines).strip()
    if not body:
        raise WireTextError("the article has no body text")
    fields["body_text"] = body
    return fields


def _take_headers(lines: list[str]) -> dict[str, str]:
    """Remove and return a leading header block, if the lines start with one."""
    headers: dict[str, str] = {}
    count = 0
    for line in lines:
        match = _HEADER_LINE.match(line)
        if not match:
            break
        key = match.group(1).lower()
        if key in headers:
            raise WireTextError(f"header {key!r} is given twice")
        headers[key] = match.group(2)
        count += 1
    if not headers or (count < len(lines) and lines[count].strip()):
        return {}  # not ended by a blank line: these lines are body
    del lines[:count]
    return {_FIELD_NAMES.get(key, key): value for key, value in headers.items() if value}
