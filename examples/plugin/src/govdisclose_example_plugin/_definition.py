"""The labels of the part and its table, written once: everything else reads them from here."""

from __future__ import annotations

from govdisclose.model import ColumnDef, GridDef, RowDef

__all__ = ["BASIS", "HEADING", "PROPOSALS", "REGION"]

HEADING = "人大代表建议和政协提案办理结果公开情况"
"""The heading of the part."""

REGION = "示例省"
"""The (made-up) province whose template asks every organ for the part."""

BASIS = f"{REGION}年度报告模板"
"""What requires the part, as a finding names it."""

_COLUMNS = (
    ColumnDef(id="received", label="办理件数"),
    ColumnDef(id="completed", label="已办结", path=("办理结果",)),
    ColumnDef(id="published", label="已公开", path=("办理结果",)),
)

PROPOSALS = GridDef(
    id="example.proposals",
    title=HEADING,
    corner="类别",
    columns=_COLUMNS,
    rows=(
        RowDef(id="npc", label="人大代表建议", columns=_COLUMNS),
        RowDef(id="cppcc", label="政协提案", columns=_COLUMNS),
    ),
)
"""The table: one row per kind of proposal; 办理件数, then 已办结 and 已公开 under 办理结果."""
