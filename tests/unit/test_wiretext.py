from datetime import date

import pytest

from newswire.wiretext import WireTextError, parse_wire_text
from tests.support.paths import seed_article_bytes


def test_seed_article_date_runs_into_the_body() -> None:
    fields = parse_wire_text(seed_article_bytes().decode())
    assert fields["dateline_date"] == date(2025, 4, 25)
    assert fields["body_text"].startswith("THE MAYOR of Kiev, Vitali Klitschko")
    assert fields["body_text"].endswith("Forward to the victory of the world socialist revolution!")
    assert "headline" not in fields


def test_header_block_ended_by_a_blank_line() -> None:
    text = "date 2025-01-02\nHeadline: Storm hits coast\nurgency: 2\nlanguage: en-GB\nguid: urn:x:1\nversion: 3\n\nFirst.\n\nSecond."
    fields = parse_wire_text(text)
    assert fields == {
        "dateline_date": date(2025, 1, 2), "headline": "Storm hits coast", "urgency": "2", "language": "en-GB",
        "guid": "urn:x:1", "version": "3", "body_text": "First.\n\nSecond.",
    }  # fmt: skip


def test_embargo_header_maps_to_the_embargoed_field() -> None:
    assert parse_wire_text("embargo: 2030-01-01T00:00:00Z\n\nBody")["embargoed"] == "2030-01-01T00:00:00Z"


@pytest.mark.parametrize(
    "text",
    [
        "Headline: looks like a header\nbut the block runs into the body\n\nMore.",
        "Note: an unknown key is body\n\nMore.",
        "Background: the talks began in May.\n\nMore.",
    ],
)
def test_lines_that_merely_look_like_headers_stay_body(text: str) -> None:
    fields = parse_wire_text(text)
    assert fields == {"body_text": text.strip()}


def test_crlf_and_bom_are_tolerated() -> None:
    fields = parse_wire_text("\ufeffheadline: A\r\n\r\nBody line\r\n")
    assert fields == {"headline": "A", "body_text": "Body line"}


@pytest.mark.parametrize("text", ["", "   \n\n", "headline: Only a header\n\n", "date 2025-01-01\n"])
def test_no_body_is_an_error(text: str) -> None:
    with pytest.raises(WireTextError, match="no body"):
        parse_wire_text(text)


def test_invalid_date_and_repeated_headers_are_errors() -> None:
    with pytest.raises(WireTextError, match="invalid date"):
        parse_wire_text("date 2025-02-30 Body")
    with pytest.raises(WireTextError, match="twice"):
        parse_wire_text("headline: A\nheadline: B\n\nBody")
