from newswire.bodies import html_to_text, paragraphs, sanitize_html, text_to_html


def test_hostile_characters_do_not_break_sanitizing() -> None:
    assert sanitize_html("<p>a\ud800b\x00c</p>") == "<p>a\ufffdbc</p>"
    assert html_to_text("<p>x\x01y</p>") == "xy"


def test_sanitize_removes_scripts_handlers_and_dangerous_links() -> None:
    dirty = (
        '<p onclick="steal()">Hello <script>alert(1)</script><b>world</b></p>'
        '<style>p{}</style><iframe src="x"></iframe><a href="javascript:alert(1)">x</a>'
        '<img src=x onerror=alert(1)><a href="https://example.org/">ok</a>'
    )
    clean = sanitize_html(dirty)
    for banned in ("script", "alert", "onclick", "style", "iframe", "javascript", "onerror", "<img"):
        assert banned not in clean
    assert "<b>world</b>" in clean
    assert 'href="https://example.org/"' in clean and 'rel="noopener noreferrer"' in clean


def test_html_to_text_gives_one_paragraph_per_block() -> None:
    html = "<p>One <b>bold</b></p><ul><li>two</li><li>three <p>nested</p></li></ul><h2>Four</h2>loose"
    assert html_to_text(html) == "One bold\n\ntwo\n\nthree\n\nnested\n\nFour\n\nloose"
    assert html_to_text("<table><tr><td>cell 1</td><td>cell 2</td></tr></table>") == "cell 1 cell 2"
    assert html_to_text("just text") == "just text"
    assert html_to_text("") == ""


def test_text_to_html_escapes_and_splits_paragraphs() -> None:
    assert text_to_html("a < b & c\n\n  second\nline  ") == "<p>a &lt; b &amp; c</p><p>second line</p>"


def test_paragraphs_ignore_whitespace_only_lines() -> None:
    assert paragraphs("one\n \t\ntwo\n\n\n\nthree") == ["one", "two", "three"]
