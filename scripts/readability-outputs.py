#!/usr/bin/python3
"""Runs readability-lxml (Debian: python3-readability) on the pages the HTML extraction evaluation scores and
writes what it extracts, page by page, as JSON ({"zyte": {id: text}, "html-eval": {file: text}}), so that
HtmlExtractionEvaluation scores it with the very same metric code as our extractor:

    /usr/bin/python3 scripts/readability-outputs.py > /tmp/readability.json   (the system Python, where apt installs)
    ./newsroom html-extraction-eval --outputs readability-lxml=/tmp/readability.json

As in the Zyte benchmark's run_readability.py: Document(html).summary(html_partial=True), then its text, a line
break after each block element (html_text is not packaged; the shingle metric only needs words kept apart)."""
import json
import sys
from pathlib import Path

import lxml.html
from readability import Document

BLOCKS = {"p", "div", "section", "article", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
          "pre", "tr", "td", "th", "table", "br", "dd", "dt", "figcaption", "header", "footer"}


def extract(page: bytes) -> str:
    try:
        summary = Document(page).summary(html_partial=True)
        tree = lxml.html.fromstring(summary)
    except Exception:  # noqa: BLE001 - an extractor failure scores as an empty output, as in the benchmarks
        return ""
    for element in tree.iter():
        if isinstance(element.tag, str) and element.tag in BLOCKS:
            element.tail = "\n" + (element.tail or "")
    return tree.text_content()


def main() -> None:
    root = Path(__file__).resolve().parent.parent
    zyte = root / "samples/formats/html"
    html_eval = root / "data/html-eval"
    truth = json.loads((zyte / "ground-truth.json").read_text(encoding="utf-8"))
    expectations = json.loads((html_eval / "expectations.json").read_text(encoding="utf-8"))
    outputs = {
        "zyte": {key: extract((zyte / "pages" / f"{key}.html").read_bytes()) for key in truth},
        "html-eval": {name: extract((html_eval / "pages" / name).read_bytes()) for name in expectations},
    }
    json.dump(outputs, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
