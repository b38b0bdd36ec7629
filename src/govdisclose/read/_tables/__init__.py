r"""Tables from flattened text and from grids of cells (HTML, PDF), mapped to the table classes of the model.

The official tables (二、三、四) and the 2014 national form are read by their labels; other tables are generic tables.

A table is first cut into *cells* — pipe-separated cells of a row (``规章 | 0 | 0 | 0 |``), one cell per line, cells
separated by blank lines or by lines of pipes, or the cells of an HTML ``<tr>`` — and the cells into *segments*: the
labels read so far and the values after them (``第二十条第（一）项``, ``信息内容``, ``本年制发件数`` … ``规章`` →
``0 0 0``). The last label of a segment names its row; the labels before it are headers and groups. Labels are
compared through :func:`~govdisclose.read._normalise.key` and may be truncated (``本年新``), carry guidance text, or
deviate locally (``规范性文件`` in a 2021 table, ``科研企业``, ``第二十条（一）项``).

A row whose number of values is not its number of columns is left out and said so — empty cells dropped by the
flattening cannot be put back in their columns, and the reader does not guess — so the table is not
:attr:`~govdisclose.model.OfficialTable.complete`. A pipe row keeps its interior empty cells (blank cells); trailing
empty cells are padding, unless the exact HTML grid says otherwise.

The edition of table 二 shows in its column headings (``本年制发件数`` is 2021, ``本年新制作数量`` 2019); that of
table 三 in its （六）其他处理 rows.

One module a job: ``_cells`` (a cell's text → figure or label), ``_labels`` (the official labels as keys),
``_segments`` (rows of cells → labels and values), ``_official`` (segments → tables 二、三、四), ``_text`` (tables
flattened to text), ``_grid`` (grids of cells with spans: the entry :func:`read_grid`), ``_generic`` (tables that are no
official table), ``_national`` (the 2014–2018 national form).

>>> from govdisclose.read._normalise import split_lines
>>> from govdisclose.read._diagnostics import Notes
>>> text = "第二十条第（一）项\n信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数\n"
>>> lines, _ = split_lines(text + "规章 | 0 | 0 | 1")
>>> end, drafts = read_text_tables(lines, 0, Notes())
>>> end, drafts[0].edition_evidence, drafts[0].build(None).row("rules").values[2].value
(3, <Edition.E2021: '2021'>, Decimal('1'))
"""

from __future__ import annotations

from ._generic import generic_text_table, is_pipe_row
from ._grid import read_grid
from ._national import national_text_form
from ._official import TableDraft
from ._runon import unrun_tables
from ._text import read_text_tables, starts_table

__all__ = [
    "TableDraft",
    "generic_text_table",
    "is_pipe_row",
    "national_text_form",
    "read_grid",
    "read_text_tables",
    "starts_table",
    "unrun_tables",
]
