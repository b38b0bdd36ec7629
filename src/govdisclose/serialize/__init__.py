"""Serialization of reports: the cattrs converter, JSON, TOML, YAML, a JSON Schema, and the limits of a document."""

from ._converter import SCHEMA_VERSION, make_converter, report_from_data, report_to_data
from ._files import FORMATS, dump_report, format_for, load_report, parse_report, read_source, write_output
from ._json import from_json, loads_json, to_json
from ._limits import DEFAULT_LIMITS, DocumentLimits
from ._schema import json_schema
from ._toml import from_toml, to_toml
from ._yaml import from_yaml, to_yaml

__all__ = [
    "DEFAULT_LIMITS",
    "FORMATS",
    "SCHEMA_VERSION",
    "DocumentLimits",
    "dump_report",
    "format_for",
    "from_json",
    "from_toml",
    "from_yaml",
    "json_schema",
    "load_report",
    "loads_json",
    "make_converter",
    "parse_report",
    "read_source",
    "report_from_data",
    "report_to_data",
    "to_json",
    "to_toml",
    "to_yaml",
    "write_output",
]
