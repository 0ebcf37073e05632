"""The one safe renderer for long texts: escape first, then paragraphs and simple lists."""
from __future__ import annotations

from markupsafe import Markup

from debrief.richtext import paragraphs


def test_paragraphs_and_line_breaks():
    html = paragraphs("First line\nsecond line\n\n\nNew paragraph")
    assert isinstance(html, Markup)
    assert html == ('<p class="govuk-body">First line<br>\nsecond line</p>\n<p class="govuk-body">New paragraph</p>')


def test_bulleted_and_numbered_lists_between_prose():
    html = paragraphs("Lessons:\n- one\n* two\n1. first\n2) second\nAfter")
    assert html == ('<p class="govuk-body">Lessons:</p>'
                    '<ul class="govuk-list govuk-list--bullet"><li>one</li><li>two</li></ul>'
                    '<ol class="govuk-list govuk-list--number"><li>first</li><li>second</li></ol>'
                    '<p class="govuk-body">After</p>')


def test_whatever_is_typed_stays_text():
    html = paragraphs('<script>alert(1)</script>\n- <a href="x">link</a> & "quotes"')
    assert "<script>" not in html and "<a href" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<li>&lt;a href=&#34;x&#34;&gt;link&lt;/a&gt; &amp; &#34;quotes&#34;</li>" in html


def test_empty_text_and_its_placeholder():
    assert paragraphs(None) == "" and paragraphs("  \n ") == ""
    assert paragraphs("", empty="Not given") == '<p class="govuk-body">Not given</p>'
    assert paragraphs("\r\nWindows\r\n\r\nlines") == '<p class="govuk-body">Windows</p>\n<p class="govuk-body">lines</p>'
