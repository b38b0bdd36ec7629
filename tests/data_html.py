"""Reading the pages of the data package as a browser would: the DOM by html5lib, and what a test needs of it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from xml.etree.ElementTree import Element

import html5lib

SVG = "{http://www.w3.org/2000/svg}"


def parse(html: str) -> Element:
    """The document tree of *html* (HTML elements without a namespace, SVG elements in the SVG namespace)."""
    tree: Element = html5lib.parse(html, namespaceHTMLElements=False)
    return tree


def text(element: Element) -> str:
    """The text of *element* and its descendants, joined."""
    return "".join(element.itertext())


def section(tree: Element, heading: str) -> list[Element]:
    """The elements after the ``<h2>`` *heading*, up to the next ``<h2>``."""
    main = tree.find(".//main")
    assert main is not None
    found: list[Element] = []
    inside = False
    for child in main:
        if child.tag == "h2":
            inside = text(child) == heading
            continue
        if inside:
            found.append(child)
    assert found, f"no section {heading!r}"
    return found


def bars(elements: list[Element]) -> list[tuple[str, str, str]]:
    """The bars of the charts among *elements*: (title, data-value, width)."""
    found = []
    for element in elements:
        for rect in element.iter(f"{SVG}rect"):
            if rect.get("class") == "bar":
                title = rect.find(f"{SVG}title")
                found.append(
                    (text(title) if title is not None else "", rect.get("data-value", ""), rect.get("width", ""))
                )
    return found


def rows(elements: list[Element]) -> list[list[str]]:
    """The body rows of the tables among *elements*, as cell texts."""
    return [
        [text(td) for td in tr.findall("td")]
        for element in elements
        for tr in element.iter("tr")
        if tr.find("td") is not None
    ]


def external(html: str) -> Iterator[str]:
    """Whatever in *html* would load something: scripts, links, images, frames, src/href attributes, CSS url()."""
    tree = parse(html)
    for element in tree.iter():
        tag = element.tag.split("}")[-1] if isinstance(element.tag, str) else ""
        if tag in ("script", "link", "img", "iframe", "object", "embed", "image", "use"):
            yield f"<{tag}>"
        for name, value in element.attrib.items():
            if name.split("}")[-1] in ("src", "href", "srcset", "action") and not value.startswith("#"):
                yield f"{name}={value}"
    yield from re.findall(r"url\(|@import|https?://", html)
