"""govdisclose: model, check, read and render 政府信息公开工作年度报告.

政府信息公开工作年度报告 are the annual reports on open government information of Chinese government organs.

The public surface is re-exported here; the subpackages hold the details:

- :mod:`govdisclose.model`: the report as frozen attrs classes, and the registry of section and block kinds;
- :mod:`govdisclose.serialize`: JSON (canonical), TOML, YAML and a JSON Schema of the document format;
- :mod:`govdisclose.render`: renderers (text, Markdown, HTML, Word);
- :mod:`govdisclose.zh`: Chinese numerals, heading ordinals and dates;
- :mod:`govdisclose.examples`: the bundled example reports;
- :mod:`govdisclose.checks`: the rule catalog and ``check``;
- :mod:`govdisclose.read`: readers of published text and HTML into the model, with diagnostics;
- :mod:`govdisclose.templates`: blank reports and disclosure categories;
- :mod:`govdisclose.batch`: many sources on any executor;
- :mod:`govdisclose.data`: every figure of many reports as a table, derived metrics, agency identity, exports;
- :mod:`govdisclose.plugins`: the plugin host and entry-point discovery.

>>> import govdisclose
>>> report = govdisclose.examples.load("sanyuan-chengguan-2017")
>>> report.display_title
'三元区城关街道2017年政府信息公开工作年度报告'
>>> govdisclose.from_json(govdisclose.to_json(report)) == report
True
"""

import importlib
import typing

from ._errors import (
    DocumentError,
    DuplicateError,
    DuplicateKindError,
    DuplicateRuleError,
    GovDiscloseError,
    InvalidKindError,
    MissingExtraError,
    ModelError,
    PluginError,
    RegistryError,
    SourceError,
    UnknownExampleError,
    UnknownKindError,
)
from ._registry import Registry, RegistryEntry
from ._version import __version__
from .model import (
    Agency,
    AgencyLevel,
    AgencyRole,
    Amount,
    ApplicationsTable2019,
    ApplicationsTable2021,
    Attachment,
    Block,
    Breakdown,
    Cell,
    Compound,
    Count,
    Edition,
    EnumeratedPoints,
    Explanation,
    Figure,
    Introduction,
    KindRegistry,
    MoneyUnit,
    NumberedItems,
    OfficialTable,
    Paragraph,
    Part,
    ProactiveTable2019,
    ProactiveTable2021,
    Provenance,
    Publication,
    Qualifier,
    Report,
    ReviewsTable,
    Scale,
    Section,
    Share,
    Signature,
    Statistic,
    StatisticsTable,
    StatPart,
    StatRow,
    SumRelation,
    Table,
    TableRow,
    Validity,
    default_kinds,
    national_statistics_form,
)
from .render import render
from .serialize import (
    DEFAULT_LIMITS,
    SCHEMA_VERSION,
    DocumentLimits,
    dump_report,
    from_json,
    from_toml,
    from_yaml,
    json_schema,
    load_report,
    report_from_data,
    report_to_data,
    to_json,
    to_toml,
    to_yaml,
)
from .zh import OrdinalStyle

if typing.TYPE_CHECKING:
    from . import batch, data, examples, templates
    from .checks import CheckResult, Finding, Rule, RuleCatalog, Severity, check, default_rules
    from .data import agency_key, compare, figures, key_figures
    from .plugins import LoadedPlugin, PluginHost, default_host, load_plugins, use_host
    from .read import Diagnostic, DiagnosticKind, ReadResult, read_docx, read_file, read_html, read_pdf, read_text
    from .templates import new_report

# Imported on first use (PEP 562), so that ``import govdisclose`` loads neither the readers, the checks, the plugin
# machinery nor the batch executor: subpackages by name, and names by the subpackage they live in.
_LAZY_SUBPACKAGES = frozenset({"batch", "data", "examples", "templates"})
_LAZY_NAMES: dict[str, str] = {
    name: package
    for package, names in (
        ("data", ("agency_key", "compare", "figures", "key_figures")),
        ("checks", ("CheckResult", "Finding", "Rule", "RuleCatalog", "Severity", "check", "default_rules")),
        ("plugins", ("LoadedPlugin", "PluginHost", "default_host", "load_plugins", "use_host")),
        (
            "read",
            (
                "Diagnostic",
                "DiagnosticKind",
                "ReadResult",
                "read_docx",
                "read_file",
                "read_html",
                "read_pdf",
                "read_text",
            ),
        ),
        ("templates", ("new_report",)),
    )
    for name in names
}


def __getattr__(name: str) -> object:
    """Import a lazily exported name on first access, and keep it."""
    if name in _LAZY_SUBPACKAGES:
        value: object = importlib.import_module(f"{__name__}.{name}")
    elif name in _LAZY_NAMES:
        value = getattr(importlib.import_module(f"{__name__}.{_LAZY_NAMES[name]}"), name)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """The module's names, the lazily imported ones included."""
    return sorted(set(globals()) | set(__all__))


__all__ = [
    "DEFAULT_LIMITS",
    "SCHEMA_VERSION",
    "Agency",
    "AgencyLevel",
    "AgencyRole",
    "Amount",
    "ApplicationsTable2019",
    "ApplicationsTable2021",
    "Attachment",
    "Block",
    "Breakdown",
    "Cell",
    "CheckResult",
    "Compound",
    "Count",
    "Diagnostic",
    "DiagnosticKind",
    "DocumentError",
    "DocumentLimits",
    "DuplicateError",
    "DuplicateKindError",
    "DuplicateRuleError",
    "Edition",
    "EnumeratedPoints",
    "Explanation",
    "Figure",
    "Finding",
    "GovDiscloseError",
    "Introduction",
    "InvalidKindError",
    "KindRegistry",
    "LoadedPlugin",
    "MissingExtraError",
    "ModelError",
    "MoneyUnit",
    "NumberedItems",
    "OfficialTable",
    "OrdinalStyle",
    "Paragraph",
    "Part",
    "PluginError",
    "PluginHost",
    "ProactiveTable2019",
    "ProactiveTable2021",
    "Provenance",
    "Publication",
    "Qualifier",
    "ReadResult",
    "Registry",
    "RegistryEntry",
    "RegistryError",
    "Report",
    "ReviewsTable",
    "Rule",
    "RuleCatalog",
    "Scale",
    "Section",
    "Severity",
    "Share",
    "Signature",
    "SourceError",
    "StatPart",
    "StatRow",
    "Statistic",
    "StatisticsTable",
    "SumRelation",
    "Table",
    "TableRow",
    "UnknownExampleError",
    "UnknownKindError",
    "Validity",
    "__version__",
    "agency_key",
    "batch",
    "check",
    "compare",
    "data",
    "default_host",
    "default_kinds",
    "default_rules",
    "dump_report",
    "examples",
    "figures",
    "from_json",
    "from_toml",
    "from_yaml",
    "json_schema",
    "key_figures",
    "load_plugins",
    "load_report",
    "national_statistics_form",
    "new_report",
    "read_docx",
    "read_file",
    "read_html",
    "read_pdf",
    "read_text",
    "render",
    "report_from_data",
    "report_to_data",
    "templates",
    "to_json",
    "to_toml",
    "to_yaml",
    "use_host",
]
