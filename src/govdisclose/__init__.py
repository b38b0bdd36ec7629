"""govdisclose: model, check, read and render 政府信息公开工作年度报告.

政府信息公开工作年度报告 are the annual reports on open government information of Chinese government organs.

The public surface is re-exported here; the subpackages hold the details:

- :mod:`govdisclose.model`: the report as frozen attrs classes, and the registry of section and block kinds;
- :mod:`govdisclose.serialize`: JSON (canonical), TOML, YAML and a JSON Schema of the document format;
- :mod:`govdisclose.render`: renderers (plain text);
- :mod:`govdisclose.zh`: Chinese numerals, heading ordinals and dates;
- :mod:`govdisclose.examples`: the bundled example reports.

>>> import govdisclose
>>> report = govdisclose.examples.load("sanyuan-chengguan-2017")
>>> report.display_title
'三元区城关街道2017年政府信息公开工作年度报告'
>>> govdisclose.from_json(govdisclose.to_json(report)) == report
True
"""

from . import examples
from ._errors import (
    DocumentError,
    GovDiscloseError,
    MissingExtraError,
    ModelError,
    RegistryError,
    SourceError,
    UnknownExampleError,
    UnknownKindError,
)
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
    SCHEMA_VERSION,
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

__all__ = [
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
    "Compound",
    "Count",
    "DocumentError",
    "Edition",
    "EnumeratedPoints",
    "Explanation",
    "Figure",
    "GovDiscloseError",
    "Introduction",
    "KindRegistry",
    "MissingExtraError",
    "ModelError",
    "MoneyUnit",
    "NumberedItems",
    "OfficialTable",
    "OrdinalStyle",
    "Paragraph",
    "Part",
    "ProactiveTable2019",
    "ProactiveTable2021",
    "Provenance",
    "Publication",
    "Qualifier",
    "RegistryError",
    "Report",
    "ReviewsTable",
    "Scale",
    "Section",
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
    "default_kinds",
    "dump_report",
    "examples",
    "from_json",
    "from_toml",
    "from_yaml",
    "json_schema",
    "load_report",
    "national_statistics_form",
    "render",
    "report_from_data",
    "report_to_data",
    "to_json",
    "to_toml",
    "to_yaml",
]
