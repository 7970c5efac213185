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
        self.comments: list[tuple[int, str]] = []  # (offset in "".join(parts), text)

    def handle_comment(self, data):
        if data.strip().startswith("mtcheck") and not self.skip_depth:
            self.comments.append((sum(map(len, self.parts)), data.strip()))

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
    text, date, _ = html_to_text_with_comments(markup)
    return text, date


def html_to_text_with_comments(markup: str) -> tuple[str, str | None, list[tuple[int, str]]]:
    """As html_to_text, plus the ``<!-- mtcheck... -->`` comments of the page, each
    with the offset in the visible text where it stood (inline suppression)."""
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    text = "".join(parser.parts)
    marks = [pos for pos, _ in parser.comments]
    # Collapse the layout whitespace that markup leaves, keeping paragraph breaks.
    text, marks = _sub_tracking(r"[ \t\r\f\v]+", " ", text, marks)
    text, marks = _sub_tracking(r" *\n *", "\n", text, marks)
    text, marks = _sub_tracking(r"\n{2,}", "\n", text, marks)  # one paragraph per line
    stripped = text.strip("\n ")
    lead = len(text) - len(text.lstrip("\n "))
    text = stripped
    marks = [min(max(m - lead, 0), len(text)) for m in marks]
    title = " ".join("".join(parser.title).split())
    if title and not text.startswith(title):
        shift = len(title) + 1 if text else len(title)
        text = f"{title}\n{text}" if text else title
        marks = [m + shift for m in marks]
    return text, parser.date, [(m, body) for m, (_, body) in zip(marks, parser.comments)]


def _sub_tracking(pattern: str, repl: str, text: str, marks: list[int]) -> tuple[str, list[int]]:
    """re.sub(pattern, repl, text), and where the offsets ``marks`` (ascending) land.

    An offset inside a replaced run lands after the replacement."""
    if not marks:
        return re.sub(pattern, repl, text), marks
    out, moved, last, shift, i = [], [], 0, 0, 0
    for match in re.finditer(pattern, text):
        start, end = match.span()
        while i < len(marks) and marks[i] <= start:
            moved.append(marks[i] + shift)
            i += 1
        while i < len(marks) and marks[i] < end:
            moved.append(start + shift + len(repl))
            i += 1
        out += (text[last:start], repl)
        last = end
        shift += len(repl) - (end - start)
    moved += [m + shift for m in marks[i:]]
    out.append(text[last:])
    return "".join(out), moved
