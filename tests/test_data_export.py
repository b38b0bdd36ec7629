import csv
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest

from govdisclose import ApplicationsTable2021, Figure, TableRow, examples, to_json
from govdisclose.cli import main
from govdisclose.data import figures
from govdisclose.data._export import TABLES, Exporter, export
from govdisclose.model import Report, Section
from govdisclose.read import read_file

duckdb = pytest.importorskip("duckdb", reason="the duckdb extra is not installed")
pq = pytest.importorskip("pyarrow.parquet", reason="the arrow extra is not installed")
openpyxl = pytest.importorskip("openpyxl", reason="the xlsx extra is not installed")

CORPUS = Path(__file__).parent / "data" / "corpus"
GENERATED = 24


def _perturbed(report: Report, index: int) -> Report:
    """The report with （一）予以公开 × 自然人 of table 三 set to *index* (and the totals left as they were)."""
    sections = list(report.sections)
    for number, section in enumerate(sections):
        for position, block in enumerate(section.blocks):
            if isinstance(block, ApplicationsTable2021):
                rows = [
                    TableRow(id=row.id, values=(Figure.of(index), *row.values[1:]), label=row.label)
                    if row.id == "result.disclosed"
                    else row
                    for row in block.rows
                ]
                blocks = list(section.blocks)
                blocks[position] = attrs.evolve(block, rows=tuple(rows))
                sections[number] = Section(**{**attrs.asdict(section, recurse=False), "blocks": tuple(blocks)})
    return attrs.evolve(report, sections=tuple(sections))


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The test corpus and generated reports (as scripts/batch_demo.py makes them), and one corrupt file."""
    root = tmp_path_factory.mktemp("sources")
    shutil.copytree(CORPUS, root / "corpus")
    generated = root / "generated"
    generated.mkdir()
    base = examples.load("sample-2021")
    for index in range(GENERATED):
        report = attrs.evolve(base, agency=attrs.evolve(base.agency, name=f"示例县第{index + 1}局"), title=None)
        report = _perturbed(report, index)
        (generated / f"report-{index:05d}.json").write_text(to_json(report), encoding="utf-8")
    (generated / "corrupt-0000.json").write_text('{"schema_version": 1, "edition": "2021", "year": ', "utf-8")
    return root


def _reports(folder: Path) -> list[tuple[str, Report]]:
    """Every report of the folder, read or loaded the way the export does, with its source."""
    from govdisclose.batch import expand_sources, load_source
    from govdisclose.data._export import SOURCE_SUFFIXES, _published

    found = []
    for source in expand_sources([folder], suffixes=SOURCE_SUFFIXES):
        if source.endswith("corrupt-0000.json"):
            continue
        found.append((source, read_file(source).report if _published(source) else load_source(source)))
    return found


@pytest.fixture(scope="module")
def expected(folder: Path) -> list[tuple[str, str, Decimal | None, str, str]]:
    """The figure rows of the folder as figures() gives them: (report id, path, value, text, state)."""
    return sorted((r.report_id, r.path, r.value, r.text, r.state) for r in figures(_reports(folder)))


def _key(row: dict[str, Any]) -> tuple[str, str, Decimal | None, str, str]:
    value = row["value"]
    if value is not None and not isinstance(value, Decimal):
        value = Decimal(str(value)) if value != "" else None
    return (
        row["report_id"],
        row["path"],
        value.normalize() if value is not None else None,
        row["text"] or "",
        row["state"],
    )


def _normal(rows: list[tuple[str, str, Decimal | None, str, str]]) -> list[tuple[Any, ...]]:
    return sorted((i, p, v.normalize() if v is not None else None, t, s) for i, p, v, t, s in rows)


def test_the_corpus_and_generated_reports_are_all_exported(folder: Path, tmp_path: Path) -> None:
    """Every corpus report and every generated report is written; the corrupt file is the one failure, named."""
    summary = export([folder], to="csv", out=tmp_path / "csv")
    corpus = len([p for p in CORPUS.rglob("*") if p.suffix in (".txt", ".html", ".pdf")])
    assert (corpus + GENERATED, 0) == (summary.reports, summary.duplicates)
    assert [str(folder / "generated" / "corrupt-0000.json")] == [source for source, _ in summary.failed]


def test_parquet_reads_back_with_the_same_values(folder: Path, tmp_path: Path, expected: list[Any]) -> None:
    """The Parquet dataset of figures, read with pyarrow, holds exactly the rows of figures()."""
    export([folder], to="parquet", out=tmp_path / "pq", batch=7)
    table = pq.read_table(tmp_path / "pq" / "figures")
    assert len(list((tmp_path / "pq" / "figures").iterdir())) > 1  # several parts: written batch by batch
    assert _normal(expected) == sorted(_key(row) for row in table.to_pylist())


def test_duckdb_reads_back_with_the_same_values_and_keys(folder: Path, tmp_path: Path, expected: list[Any]) -> None:
    """The DuckDB figures table holds the rows of figures(); exporting again replaces, never duplicates."""
    database = tmp_path / "gd.duckdb"
    export([folder], to="duckdb", out=database, batch=5)
    export([folder / "generated"], to="duckdb", out=database)
    with duckdb.connect(str(database)) as connection:
        rows = connection.execute("SELECT report_id, path, value, text, state FROM figures").fetchall()
        reports = connection.execute("SELECT count(*), count(DISTINCT report_id) FROM reports").fetchone()
        keys = connection.execute(
            "SELECT constraint_type, constraint_column_names FROM duckdb_constraints() "
            "WHERE table_name = 'figures' AND constraint_type = 'PRIMARY KEY'"
        ).fetchall()
    assert _normal(expected) == sorted(
        _key(dict(zip(("report_id", "path", "value", "text", "state"), r, strict=True))) for r in rows
    )
    assert reports is not None
    assert reports[0] == reports[1]
    assert [("PRIMARY KEY", ["report_id", "path"])] == keys


def test_csv_reads_back_with_the_same_values(folder: Path, tmp_path: Path, expected: list[Any]) -> None:
    """The CSV of figures holds the rows of figures(); an empty value cell is an empty string, never 0."""
    export([folder], to="csv", out=tmp_path / "csv")
    with (tmp_path / "csv" / "figures.csv").open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.DictReader(file))
    assert _normal(expected) == sorted(_key(row) for row in rows)


def test_xlsx_reads_back_with_the_same_values(folder: Path, tmp_path: Path, expected: list[Any]) -> None:
    """The workbook's figures sheet holds the rows of figures() (numbers as Excel numbers)."""
    export([folder], to="xlsx", out=tmp_path / "gd.xlsx")
    book = openpyxl.load_workbook(tmp_path / "gd.xlsx", read_only=True)
    sheet = book["figures"]
    header, *body = list(sheet.iter_rows(values_only=True))
    rows = [dict(zip(header, (*row, *(None,) * (len(header) - len(row))), strict=True)) for row in body]
    assert [*TABLES] == book.sheetnames
    assert _normal(expected) == sorted(_key(row) for row in rows)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_opens_the_workbook_with_the_values(tmp_path: Path) -> None:
    """LibreOffice converts the exported key figures sheet to CSV with the sample's 25 new applications and 268."""
    export(["example:sample-2021"], to="xlsx", out=tmp_path / "gd.xlsx")
    done = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",  # its own profile: no other soffice blocks it
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,5",
            "--outdir",
            str(tmp_path / "out"),
            str(tmp_path / "gd.xlsx"),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert 0 == done.returncode, done.stderr
    sheet = tmp_path / "out" / "gd-key_figures.csv"
    with sheet.open(encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    assert (1, "25", "268") == (len(rows), rows[0]["applications_new"], rows[0]["licensing_decisions"])
    assert "示例县教育局" == rows[0]["agency"]


def test_dask_writes_partitioned_parquet(tmp_path: Path) -> None:
    """Through a Dask cluster's executor the export writes the same partitioned Parquet."""
    distributed = pytest.importorskip("distributed", reason="Dask is not installed")
    sources = ["example:sample-2021", "example:sample-2021-flawed", "example:sanyuan-chengguan-2017"]
    with (
        distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=":0") as cluster,
        distributed.Client(cluster) as client,
    ):
        summary = export(sources, to="parquet", out=tmp_path / "pq", executor=client.get_executor(), batch=1)
    assert 3 == summary.reports
    assert 2 == len(list((tmp_path / "pq" / "figures").glob("part-*.parquet")))  # the 2017 report has no table
    assert 400 == pq.read_table(tmp_path / "pq" / "figures").num_rows


def test_the_command_line_exports_with_error_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The export command names the failing source on one line, goes on, and exits 1."""
    status = main(["export", "example:sample-2021", "missing.json", "--to", "duckdb", "-o", str(tmp_path / "d.duckdb")])
    err = capsys.readouterr().err
    assert 1 == status
    assert "govdisclose: error: missing.json: cannot read missing.json" in err
    assert "exported 1 report to" in err
    with duckdb.connect(str(tmp_path / "d.duckdb")) as connection:
        assert (200,) == connection.execute("SELECT count(*) FROM figures").fetchone()


def test_the_command_line_with_jobs_writes_the_same(folder: Path, tmp_path: Path, expected: list[Any]) -> None:
    """With --jobs 2 the rows are the same as in this process."""
    status = main(["export", str(folder), "--to", "parquet", "-o", str(tmp_path / "pq"), "--jobs", "2"])
    assert 1 == status  # the corrupt file
    assert _normal(expected) == sorted(_key(r) for r in pq.read_table(tmp_path / "pq" / "figures").to_pylist())


def test_a_missing_extra_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without duckdb installed the export says which extra to install."""
    from govdisclose import MissingExtraError

    monkeypatch.setitem(sys.modules, "duckdb", None)
    with pytest.raises(MissingExtraError, match=r"pip install 'govdisclose\[duckdb\]'"):
        Exporter("duckdb", tmp_path / "d.duckdb")


def test_parquet_refuses_a_directory_of_other_files(tmp_path: Path) -> None:
    """An output directory holding other files is not emptied: the export refuses it."""
    from govdisclose import SourceError

    (tmp_path / "mine.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(SourceError, match="holds other files"):
        Exporter("parquet", tmp_path)
    assert "keep me" == (tmp_path / "mine.txt").read_text(encoding="utf-8")
