"""Serialization of reports: JSON, TOML, YAML, plain data, a JSON Schema, and the limits of a document.

One family of functions, by what is at hand:

- text in a known format: ``from_json``/``to_json``, ``from_toml``/``to_toml``, ``from_yaml``/``to_yaml``;
- a file (or standard input): ``load_report``; text in a format chosen by name: ``dump_report``;
- plain data (dicts and lists, as a JSON parser gives them): ``report_from_data``/``report_to_data``.

Every loader ends in the same cattrs converter, and every problem is a :class:`~govdisclose.DocumentError` naming its
path. ``json_schema`` describes the document format; ``DocumentLimits`` bounds what a loader accepts.
"""

from ._converter import SCHEMA_VERSION, report_from_data, report_to_data
from ._files import dump_report, load_report
from ._json import from_json, to_json
from ._limits import DEFAULT_LIMITS, DocumentLimits
from ._schema import json_schema
from ._toml import from_toml, to_toml
from ._yaml import from_yaml, to_yaml

__all__ = [
    "DEFAULT_LIMITS",
    "SCHEMA_VERSION",
    "DocumentLimits",
    "dump_report",
    "from_json",
    "from_toml",
    "from_yaml",
    "json_schema",
    "load_report",
    "report_from_data",
    "report_to_data",
    "to_json",
    "to_toml",
    "to_yaml",
]
