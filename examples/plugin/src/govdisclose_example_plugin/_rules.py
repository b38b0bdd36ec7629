"""The plugin's rule: 已办结 ≤ 办理件数 and 已公开 ≤ 已办结, per row of the table."""

from __future__ import annotations

from collections.abc import Iterator

from govdisclose.checks import CheckContext, Finding, Operand, Rule, join_path

from ._model import ProposalsTable

__all__ = ["PROPOSALS_TOTAL"]

_PAIRS = (("completed", "received"), ("published", "completed"))
"""(part, whole): the part may not exceed the whole."""


def _check(ctx: CheckContext) -> Iterator[Finding]:
    for site in ctx.blocks(ProposalsTable):
        table = site.block
        assert isinstance(table, ProposalsTable)
        for index, row in enumerate(table.rows):
            try:
                definition = table.DEFINITION.row(row.id)
            except KeyError:  # a local row of the report's own: no official columns to compare
                continue
            position = {column.id: i for i, column in enumerate(definition.columns)}
            for part_id, whole_id in _PAIRS:
                part, whole = row.values[position[part_id]], row.values[position[whole_id]]
                if part.value is None or whole.value is None or not (part.is_exact and whole.is_exact):
                    continue  # only exact figures are compared
                if part.value <= whole.value:
                    continue
                labels = {column.id: column.label for column in definition.columns}
                paths = tuple(join_path(site.path, "rows", index, "values", position[c]) for c in (part_id, whole_id))
                difference = part.value - whole.value
                yield ctx.finding(
                    f"{definition.label}“{labels[part_id]}”{part.text}件，多于“{labels[whole_id]}”{whole.text}件"
                    f"（多{difference}件）",
                    paths=paths,
                    operands=(
                        Operand(path=paths[0], text=part.text, value=part.value, label=labels[part_id]),
                        Operand(path=paths[1], text=whole.text, value=whole.value, label=labels[whole_id]),
                    ),
                    expected=whole.value,
                    actual=part.value,
                    difference=difference,
                )


PROPOSALS_TOTAL = Rule(
    id="example.proposals-total",
    title="建议提案办结与公开件数",
    description="In the proposals table, 已办结 must not exceed 办理件数, nor 已公开 exceed 已办结, in each row.",
    severity="error",
    scope="table 人大代表建议和政协提案, per row",
    check=_check,
)
"""The rule ``example.proposals-total``."""
