"""Researchers' data: every figure of many reports as a table, derived metrics, agency identity.

:func:`figures` gives one row per cell of every statistics table (official 2019/2021 tables, the national form,
generic and plugin tables), :func:`quantities` the quantities of the running text with their context,
:func:`findings` the findings of the checks, :func:`reports_table` one row per report and :func:`key_figures` the
standard indicators of each report in one wide row. Each is a lazy :class:`Rows`: iterate it in pure Python, or turn it
into Arrow, pandas or polars (extra ``arrow``). :func:`export` writes all five for many sources to CSV, Parquet, Excel
or DuckDB, streaming.

This package stands on :mod:`govdisclose.model`, :mod:`govdisclose.checks`, :mod:`govdisclose.serialize` and
:mod:`govdisclose.read`.

>>> import govdisclose
>>> table = govdisclose.figures([govdisclose.examples.load("sample-2021")])
>>> sum(1 for row in table if row.state == "number")
200
"""

from ..model import AGENCY_KEY_RULES, AgencyIdentity, KeyRule, agency_identity, agency_key, same_agency
from ._arrow import DECIMAL_PRECISION, DECIMAL_SCALE, DataError
from ._compare import (
    ANOMALY_FACTOR,
    LARGE,
    CarryOver,
    Comparison,
    FigureChange,
    MetricChange,
    compare,
    identity_findings,
)
from ._compare_page import comparison_html
from ._export import (
    EXPORT_FORMATS,
    PRIMARY_KEYS,
    TABLES,
    Exporter,
    ExportSummary,
    ReportTables,
    duckdb_schema,
    export,
    export_source,
    report_tables,
)
from ._keyfigures import KEY_FIGURES, KeyFigure, KeyFiguresRow
from ._metrics import METRICS, CellRef, Change, Derived, Metric, cell_index, change
from ._overview import MAIN_INDICATORS, Overview, OverviewEntry, overview, overview_entry, overview_source
from ._rollup import Rollup, RollupCell, rollup
from ._rows import Column, FigureRow, FindingRow, QuantityRow, ReportRow, columns
from ._tables import ReportInput, Rows, figures, findings, key_figures, quantities, reports_table
from ._walk import report_id

__all__ = [
    "AGENCY_KEY_RULES",
    "ANOMALY_FACTOR",
    "DECIMAL_PRECISION",
    "DECIMAL_SCALE",
    "EXPORT_FORMATS",
    "KEY_FIGURES",
    "LARGE",
    "MAIN_INDICATORS",
    "METRICS",
    "PRIMARY_KEYS",
    "TABLES",
    "AgencyIdentity",
    "CarryOver",
    "CellRef",
    "Change",
    "Column",
    "Comparison",
    "DataError",
    "Derived",
    "ExportSummary",
    "Exporter",
    "FigureChange",
    "FigureRow",
    "FindingRow",
    "KeyFigure",
    "KeyFiguresRow",
    "KeyRule",
    "Metric",
    "MetricChange",
    "Overview",
    "OverviewEntry",
    "QuantityRow",
    "ReportInput",
    "ReportRow",
    "ReportTables",
    "Rollup",
    "RollupCell",
    "Rows",
    "agency_identity",
    "agency_key",
    "cell_index",
    "change",
    "columns",
    "compare",
    "comparison_html",
    "duckdb_schema",
    "export",
    "export_source",
    "figures",
    "findings",
    "identity_findings",
    "key_figures",
    "overview",
    "overview_entry",
    "overview_source",
    "quantities",
    "report_id",
    "report_tables",
    "reports_table",
    "rollup",
    "same_agency",
]
