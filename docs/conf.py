"""Sphinx configuration for the govdisclose documentation."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "_ext"))

project = "govdisclose"
author = "govdisclose engineers"
copyright = "2026, govdisclose engineers"
language = "en"

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
    "tables_reference",  # writes tables-reference.md from the table definitions
]
source_suffix = {".md": "markdown"}
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3
exclude_patterns = ["_build"]

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "show-inheritance": True}
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_attr_annotations = True
# attrs classes document their fields under "Attributes:"; autodoc would list them a second time.
napoleon_use_ivar = True

html_theme = "furo"
html_title = "govdisclose"
