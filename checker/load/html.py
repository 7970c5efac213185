"""HTML articles reduced to the text a reader sees.

The report's offsets index this extracted text (the HTML page shows it), so
what an editor sees highlighted is exactly what was checked. Scripts, styles
and comments are dropped; block elements become line breaks, one paragraph per
line as in the plain-text articles. Broken markup is tolerated: html.parser never raises on it.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

_BLOCK = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
          "blockquote", "section", "article", "header", "footer", "tr", "table",
          "figcaption", "figure", "pre", "hr", "dd", "dt", "main", "aside", "nav", "title"}
_SKIP = {"script", "style", "noscript", "template", "svg", "head"}
_DATE_META = ("article:published_time", "datepublished", "date", "dc.date", "pubdate",
              "og:published_time", "publish-date")


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0
        self.title: list[str] = []
        self.date: str | None = None
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        tag = tag.lower()
        if tag == "meta":
            attr = {k.lower(): (v or "") for k, v in attrs}
            key = (attr.get("property") or attr.get("name") or attr.get("itemprop") or "").lower()
            if key in _DATE_META and not self.date:
                match = re.match(r"\d{4}-\d{2}-\d{2}", attr.get("content", "").strip())
                if match:
                    self.date = match.group(0)
        elif tag == "time" and not self.date:
            match = re.match(r"\d{4}-\d{2}-\d{2}", dict(attrs).get("datetime") or "")
            if match:
                self.date = match.group(0)
        if tag == "title":
            self._in_title = True
        if tag in _SKIP:
            self.skip_depth += 1
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        tag = tag.lower()
        if tag == "title":
            self._in_title = False
        if tag in _SKIP:
            self.skip_depth = max(0, self.skip_depth - 1)
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag.lower() in _SKIP:
            self.handle_endtag(tag)

    def handle_data(self, data):
        if self._in_title:
            self.title.append(data)
        elif not self.skip_depth:
            self.parts.append(data)


def html_to_text(markup: str) -> tuple[str, str | None]:
    """(visible text, publication date or None) of an HTML document."""
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    text = "".join(parser.parts)
    # Collapse the layout whitespace that markup leaves, keeping paragraph breaks.
    text = re.sub(r"[ \t\r\f\v]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    text = re.sub(r"\n{2,}", "\n", text).strip("\n ")  # one paragraph per line
    title = " ".join("".join(parser.title).split())
    if title and not text.startswith(title):
        text = f"{title}\n{text}" if text else title
    return text, parser.date
