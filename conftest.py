"""Execute the examples in the README, the docs (MyST Markdown) and the docstrings of the package with Sybil."""

from doctest import ELLIPSIS, NORMALIZE_WHITESPACE

from sybil import Sybil
from sybil.parsers.myst import PythonCodeBlockParser, SkipParser
from sybil.parsers.rest import DocTestParser
from sybil.sybil import SybilCollection

_FLAGS = ELLIPSIS | NORMALIZE_WHITESPACE

_markdown = [PythonCodeBlockParser(doctest_optionflags=_FLAGS), SkipParser()]

pytest_collect_file = SybilCollection(
    [
        Sybil(parsers=_markdown, patterns=["*.md"], path="docs"),
        Sybil(parsers=_markdown, patterns=["README.md"], path="."),
        Sybil(parsers=[DocTestParser(optionflags=_FLAGS)], patterns=["*.py"], path="src"),
    ]
).pytest()
