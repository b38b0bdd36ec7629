"""Export: the data tables of many sources into CSV, Parquet, Excel or DuckDB, streaming.

Each source is one task of :func:`govdisclose.batch.map` (in this process, in worker processes, or on a Dask cluster):
the task loads or reads the report and returns the rows of its five tables as tuples. The writer receives them in the
order of the sources and writes them every *batch* reports, so memory holds at most a batch of rows and the tasks in
flight, however many reports there are. A report given twice (the same canonical JSON) is written once.

>>> import pathlib, tempfile
>>> out = pathlib.Path(tempfile.mkdtemp()) / "csv"
>>> summary = export(["example:sample-2021", "example:sanyuan-chengguan-2017"], to="csv", out=out)
>>> summary.reports, summary.rows["figures"], sorted(p.name for p in out.iterdir())
(2, 200, ['figures.csv', 'findings.csv', 'key_figures.csv', 'quantities.csv', 'reports.csv'])
"""

from __future__ import annotations

import concurrent.futures
import csv
import datetime
import os
import shutil
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs

from .._errors import SourceError
from ..batch import Result, expand_sources, load_source
from ..batch import map as batch_map
from ..checks import RuleCatalog, RuleSet, check
from ..model import KindRegistry, Report
from ._arrow import DECIMAL_PRECISION, DECIMAL_SCALE, require, schema, to_batch
from ._keyfigures import KeyFiguresRow, key_cells, key_figures_row
from ._rows import FigureRow, FindingRow, QuantityRow, ReportRow, columns, row_values
from ._walk import Positions, facts_of, figure_tuples, finding_rows, quantity_rows

__all__ = [
    "EXPORT_FORMATS",
    "PRIMARY_KEYS",
    "PUBLISHED_SUFFIXES",
    "SOURCE_SUFFIXES",
    "TABLES",
    "ExportSummary",
    "Exporter",
    "ReportTables",
    "duckdb_schema",
    "export",
    "export_source",
    "iter_results",
    "load_any",
    "read_any",
    "report_tables",
]

EXPORT_FORMATS = ("csv", "parquet", "xlsx", "duckdb")
"""The formats :func:`export` writes."""

TABLES: dict[str, type] = {
    "reports": ReportRow,
    "figures": FigureRow,
    "quantities": QuantityRow,
    "findings": FindingRow,
    "key_figures": KeyFiguresRow,
}
"""The tables of an export and their row classes, in the order they are written."""

PRIMARY_KEYS: dict[str, tuple[str, ...]] = {
    "reports": ("report_id",),
    "figures": ("report_id", "path"),
    "quantities": ("report_id", "path"),
    "findings": ("report_id", "number"),
    "key_figures": ("report_id",),
}
"""The primary key of each table in DuckDB."""

PUBLISHED_SUFFIXES = (".txt", ".html", ".htm", ".md", ".pdf", ".docx")
"""Published files, read through :func:`govdisclose.read.read_file` (a file named explicitly; see below)."""

SOURCE_SUFFIXES = (".json", ".toml", ".yaml", ".yml", ".txt", ".html", ".htm", ".pdf", ".docx")
"""What a directory given to :func:`export` contributes: report documents and published files (not ``.md``: in a
folder of reports a Markdown file is usually its README; name a Markdown report explicitly)."""

BATCH_REPORTS = 100
"""Reports whose rows are written together."""


@attrs.frozen(kw_only=True)
class ReportTables:
    """The rows of one report in every table, as tuples in column order (small to send back from a worker).

    Attributes:
        report_id: The report's id.
        tables: ``(table name, rows)`` for each table of :data:`TABLES`, in order.
    """

    report_id: str
    tables: tuple[tuple[str, tuple[tuple[Any, ...], ...]], ...]


def report_tables(
    report: Report,
    *,
    source: str | None = None,
    registry: KindRegistry | None = None,
    rules: RuleCatalog | RuleSet | None = None,
    overrides: Mapping[str, str] | None = None,
    positions: Positions | None = None,
) -> ReportTables:
    """The rows of *report* in every table of :data:`TABLES` (*positions*: where its cells were read, for ``page``)."""
    facts = facts_of(report, source=source, registry=registry, overrides=overrides)
    cells = tuple(figure_tuples(report, facts, positions))  # tuples in column order: no row objects to make
    made: dict[str, Iterable[Any]] = {
        "reports": (facts.row,),
        "quantities": quantity_rows(report, facts),
        "findings": finding_rows(check(report, rules=rules), facts),
        "key_figures": (key_figures_row(report, facts, cells=key_cells(cells)),),
    }
    return ReportTables(
        report_id=facts.row.report_id,
        tables=tuple(
            (name, cells if name == "figures" else tuple(row_values(row) for row in made[name])) for name in TABLES
        ),
    )


def _published(source: str) -> bool:
    return source.lower().endswith(PUBLISHED_SUFFIXES)


def load_any(source: str, *, fmt: str | None = None, registry: KindRegistry | None = None) -> Report:
    """The report of *source*: read from a published file (text, HTML, PDF, Word), or loaded from a document.

    Raises:
        SourceError: The file cannot be read.
        DocumentError: It is not a report document, or no reader reads it.
    """
    return read_any(source, fmt=fmt, registry=registry)[0]


def read_any(
    source: str, *, fmt: str | None = None, registry: KindRegistry | None = None
) -> tuple[Report, Positions | None]:
    """:func:`load_any`, and where the cells of a published file were read (``None`` for a document).

    The positions are the reader's ``positions`` (document path → position with its page) when the reader gives
    them; older readers give none, and the ``page`` column stays empty.
    """
    if fmt is None and _published(source):
        from ..read import read_file

        result = read_file(source)
        positions: Positions | None = getattr(result, "positions", None)
        return result.report, positions
    return load_source(source, fmt=fmt, registry=registry), None


def export_source(
    source: str,
    *,
    registry: KindRegistry | None = None,
    rules: RuleCatalog | RuleSet | None = None,
    overrides: Mapping[str, str] | None = None,
) -> ReportTables:
    """Load (a document) or read (a published file: text, HTML, PDF, Word) *source*, and make its rows (a task).

    Raises:
        SourceError: The file cannot be read.
        DocumentError: It is not a report document, or no reader reads it.
    """
    report, positions = read_any(source, registry=registry)
    return report_tables(
        report, source=source, registry=registry, rules=rules, overrides=overrides, positions=positions
    )


# ---- writers --------------------------------------------------------------------------------------------------


def _csv_value(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


Batch = dict[str, list[tuple[Any, ...]]]
"""The rows of a batch of reports, by table."""


class _Writer:
    def write(self, batch: Batch, report_ids: list[str]) -> None:
        """Write the rows of a batch of reports."""
        raise NotImplementedError

    def close(self) -> None:
        """Finish the output."""


class _CsvWriter(_Writer):
    """One UTF-8 CSV file per table (with a BOM, so that Excel reads the Chinese), a header of column names."""

    def __init__(self, out: Path) -> None:
        out.mkdir(parents=True, exist_ok=True)
        self._files = {name: (out / f"{name}.csv").open("w", encoding="utf-8-sig", newline="") for name in TABLES}
        self._writers = {name: csv.writer(file) for name, file in self._files.items()}
        for name, writer in self._writers.items():
            writer.writerow([c.name for c in columns(TABLES[name])])

    def write(self, batch: Batch, report_ids: list[str]) -> None:
        for name, rows in batch.items():
            self._writers[name].writerows([_csv_value(v) for v in row] for row in rows)

    def close(self) -> None:
        for file in self._files.values():
            file.close()


class _ParquetWriter(_Writer):
    """A directory per table, one Parquet file per batch (``figures/part-00000.parquet``): a partitioned dataset."""

    def __init__(self, out: Path) -> None:
        self._pq = require("pyarrow.parquet", "arrow", "Parquet export")
        self._out = out
        self._schemas = {name: schema(columns(row_type)) for name, row_type in TABLES.items()}
        self._parts = dict.fromkeys(TABLES, 0)
        for name in TABLES:
            (out / name).mkdir(parents=True, exist_ok=True)

    def _part(self, name: str, rows: list[tuple[Any, ...]]) -> None:
        arrow = _table(to_batch(columns(TABLES[name]), rows, arrow_schema=self._schemas[name]))
        self._pq.write_table(arrow, self._out / name / f"part-{self._parts[name]:05d}.parquet")
        self._parts[name] += 1

    def write(self, batch: Batch, report_ids: list[str]) -> None:
        for name, rows in batch.items():
            if rows:
                self._part(name, rows)

    def close(self) -> None:
        for name in TABLES:  # an empty table still has its schema on disk
            if self._parts[name] == 0:
                self._part(name, [])


def _table(batch: Any) -> Any:
    pa = require("pyarrow", "arrow", "Arrow tables")
    return pa.Table.from_batches([batch])


_XLSX_ROWS = 1_048_576  # rows of an Excel sheet, the header included


class _XlsxWriter(_Writer):
    """One sheet per table (continued in ``figures (2)`` … past Excel's 1,048,576 rows), written in streaming mode."""

    def __init__(self, out: Path) -> None:
        openpyxl = require("openpyxl", "xlsx", "Excel export")
        self._out = out
        self._book = openpyxl.Workbook(write_only=True)
        self._sheets: dict[str, tuple[Any, int, int]] = {}  # name -> (sheet, rows written, sheet number)
        for name in TABLES:
            self._new_sheet(name, 1)

    def _new_sheet(self, name: str, number: int) -> None:
        sheet = self._book.create_sheet(name if number == 1 else f"{name} ({number})")
        sheet.append([c.name for c in columns(TABLES[name])])
        self._sheets[name] = (sheet, 1, number)

    def write(self, batch: Batch, report_ids: list[str]) -> None:
        for name, rows in batch.items():
            for row in rows:
                sheet, written, number = self._sheets[name]
                if written >= _XLSX_ROWS:
                    self._new_sheet(name, number + 1)
                    sheet, written, number = self._sheets[name]
                sheet.append(list(row))
                self._sheets[name] = (sheet, written + 1, number)

    def close(self) -> None:
        self._out.parent.mkdir(parents=True, exist_ok=True)
        self._book.save(self._out)


_DUCKDB_TYPES = {
    "string": "VARCHAR",
    "int": "BIGINT",
    "decimal": f"DECIMAL({DECIMAL_PRECISION},{DECIMAL_SCALE})",
    "bool": "BOOLEAN",
    "date": "DATE",
}


def duckdb_schema() -> str:
    """The SQL that creates the tables of a DuckDB export (``CREATE TABLE IF NOT EXISTS``, with primary keys)."""
    statements = []
    for name, row_type in TABLES.items():
        fields = [f'    "{c.name}" {_DUCKDB_TYPES[c.type]}' for c in columns(row_type)]
        key = ", ".join(f'"{k}"' for k in PRIMARY_KEYS[name])
        statements.append(f"CREATE TABLE IF NOT EXISTS {name} (\n" + ",\n".join([*fields, f"    PRIMARY KEY ({key})"]))
        statements[-1] += "\n);"
    return "\n".join(statements)


_ID_COLUMN = columns(ReportRow)[0]


class _DuckdbWriter(_Writer):
    """The tables of :func:`duckdb_schema`; a report already in the database is replaced (delete, then insert)."""

    def __init__(self, out: Path) -> None:
        duckdb = require("duckdb", "duckdb", "DuckDB export")
        require("pyarrow", "arrow", "DuckDB export")  # rows go in as Arrow batches
        out.parent.mkdir(parents=True, exist_ok=True)
        self._connection = duckdb.connect(str(out))
        self._connection.execute(duckdb_schema())
        self._schemas = {name: schema(columns(row_type)) for name, row_type in TABLES.items()}

    def write(self, batch: Batch, report_ids: list[str]) -> None:
        connection = self._connection
        arrays = {
            name: _table(to_batch(columns(TABLES[name]), rows, arrow_schema=self._schemas[name]))
            for name, rows in batch.items()
        }  # converted first: a value that does not fit fails the batch before the database is touched
        ids = _table(to_batch((_ID_COLUMN,), [(i,) for i in report_ids]))
        connection.execute("BEGIN TRANSACTION")
        try:
            connection.register("_ids", ids)
            for name in TABLES:
                connection.execute(f"DELETE FROM {name} WHERE report_id IN (SELECT report_id FROM _ids)")
            connection.unregister("_ids")
            for name, arrow in arrays.items():
                connection.register("_batch", arrow)
                connection.execute(f"INSERT INTO {name} SELECT * FROM _batch")
                connection.unregister("_batch")
        except Exception:
            connection.execute("ROLLBACK")
            raise
        connection.execute("COMMIT")

    def close(self) -> None:
        self._connection.close()


_WRITERS: dict[str, Callable[[Path], _Writer]] = {
    "csv": _CsvWriter,
    "parquet": _ParquetWriter,
    "xlsx": _XlsxWriter,
    "duckdb": _DuckdbWriter,
}


@attrs.frozen(kw_only=True)
class ExportSummary:
    """What an export wrote.

    Attributes:
        reports: Reports written.
        duplicates: Sources whose report was already written (the same canonical JSON), skipped.
        failed: Sources that failed (``(source, error)``).
        rows: Rows written per table.
    """

    reports: int
    duplicates: int
    failed: tuple[tuple[str, str], ...]
    rows: dict[str, int]


class Exporter:
    """Writes the rows of reports, :attr:`batch` reports at a time, to one output.

    Args:
        to: ``csv`` (a directory of CSV files), ``parquet`` (a directory per table of Parquet parts), ``xlsx`` (a
            workbook, one sheet per table) or ``duckdb`` (a database file).
        out: Where to write.
        batch: Reports per write.
    """

    def __init__(self, to: str, out: str | os.PathLike[str], *, batch: int = BATCH_REPORTS) -> None:
        if to not in _WRITERS:
            raise ValueError(f"unknown export format {to!r}; known: {', '.join(EXPORT_FORMATS)}")
        if batch < 1:
            raise ValueError(f"'batch' must be >= 1 (got {batch})")
        path = Path(out)
        if to in ("csv", "parquet") and path.exists() and not path.is_dir():
            raise SourceError(f"cannot write {to} to {path}: it is a file, not a directory", source=str(path))
        if to == "parquet" and path.exists():  # a new dataset: old parts would be read with the new ones
            others = sorted(entry.name for entry in path.iterdir() if entry.name not in TABLES)
            if others:
                raise SourceError(
                    f"cannot write parquet to {path}: the directory holds other files ({', '.join(others[:3])})",
                    source=str(path),
                )
            for name in TABLES:
                if (path / name).exists():
                    shutil.rmtree(path / name)
        self._writer = _WRITERS[to](path)
        self._batch = batch
        self._pending: list[ReportTables] = []
        self._seen: set[str] = set()
        self.reports = 0
        self.duplicates = 0
        self.rows = dict.fromkeys(TABLES, 0)

    def add(self, tables: ReportTables) -> bool:
        """Queue one report's rows; ``False`` when the report was written already (a duplicate, skipped)."""
        if tables.report_id in self._seen:
            self.duplicates += 1
            return False
        self._seen.add(tables.report_id)
        self._pending.append(tables)
        if len(self._pending) >= self._batch:
            self.flush()
        return True

    def flush(self) -> None:
        """Write the queued reports."""
        if not self._pending:
            return
        ids = [tables.report_id for tables in self._pending]
        batch = {
            name: [row for tables in self._pending for row in tables.tables[index][1]]
            for index, name in enumerate(TABLES)
        }
        self._writer.write(batch, ids)
        for name, rows in batch.items():
            self.rows[name] += len(rows)
        self.reports += len(self._pending)
        self._pending.clear()

    def close(self) -> None:
        """Write what is queued and finish the output."""
        self.flush()
        self._writer.close()


def export(
    sources: Sequence[str | os.PathLike[str]],
    *,
    to: str,
    out: str | os.PathLike[str],
    executor: concurrent.futures.Executor | None = None,
    batch: int = BATCH_REPORTS,
    registry: KindRegistry | None = None,
    rules: RuleCatalog | RuleSet | None = None,
    overrides: Mapping[str, str] | None = None,
    progress: Callable[[Result[ReportTables]], object] | None = None,
) -> ExportSummary:
    """Export the reports of *sources* (files, directories, ``example:NAME``) to *out* in the format *to*.

    Args:
        sources: Report documents, published files (text, HTML, PDF, Word) and directories of them.
        to: One of :data:`EXPORT_FORMATS`.
        out: The output (a directory for ``csv`` and ``parquet``, a file for ``xlsx`` and ``duckdb``).
        executor: Where the sources are loaded and turned into rows (a process pool, ``client.get_executor()`` of a
            Dask cluster); ``None`` for this process.
        batch: Reports written together.
        registry: Kinds of plugin sections and tables.
        rules: The rules of the findings table.
        overrides: Agency key overrides.
        progress: Called with each source's result.

    Returns:
        What was written, and which sources failed (a failing source never stops the others).
    """
    import functools

    task = functools.partial(export_source, registry=registry, rules=rules, overrides=overrides)
    exporter = Exporter(to, out, batch=batch)
    failed: list[tuple[str, str]] = []
    try:
        expanded = expand_sources(sources, suffixes=SOURCE_SUFFIXES)
        for result in batch_map(task, expanded, executor=executor, progress=progress):
            if result.ok and result.value is not None:
                exporter.add(result.value)
            else:
                failed.append((result.source, result.error or ""))
    finally:
        exporter.close()
    return ExportSummary(
        reports=exporter.reports, duplicates=exporter.duplicates, failed=tuple(failed), rows=dict(exporter.rows)
    )


def iter_results(results: Iterable[Result[ReportTables]], exporter: Exporter) -> Iterator[Result[ReportTables]]:
    """Pass *results* through, adding each report to *exporter* (for callers with their own progress and errors)."""
    for result in results:
        if result.ok and result.value is not None:
            exporter.add(result.value)
        yield result
