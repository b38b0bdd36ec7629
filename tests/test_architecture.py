import ast
from pathlib import Path

import pytest

import govdisclose

PACKAGE = Path(govdisclose.__file__).parent

# Which top-level parts of the package each layer may import (besides itself). The floor (`_errors`, `_registry`,
# `zh`) is open to every layer above it.
FLOOR = {"_errors", "_registry"}
ALLOWED = {
    "_errors": set(),
    "_registry": {"_errors"},
    "_version": set(),
    "zh": set(),
    "model": {"_errors", "zh"},
    "serialize": {"_errors", "model", "zh"},
    "render": {"_errors", "model", "zh"},
    "examples": {"_errors", "model", "serialize"},
    "templates": {"_errors", "model", "zh"},
    "checks": {"_errors", "model", "zh"},
    "read": {"_errors", "model", "zh"},
    "plugins": {"_errors", "zh", "model", "checks", "render", "templates", "serialize"},
    "batch": {"_errors", "model", "zh", "serialize", "render", "checks", "examples"},
    "workbook": {"_errors", "model", "render", "serialize"},
    "data": {"_errors", "model", "zh", "serialize", "checks", "read", "batch", "examples"},
    "cli": {
        "_errors",
        "_version",
        "model",
        "zh",
        "serialize",
        "render",
        "examples",
        "templates",
        "checks",
        "read",
        "batch",
        "plugins",
        "workbook",
        "data",
    },
    "__main__": {"cli"},
}


def layer_of(path: Path) -> str:
    """The top-level part of the package a file belongs to."""
    return path.relative_to(PACKAGE).parts[0].removesuffix(".py")


def imported_layers(path: Path) -> set[str]:
    """The top-level parts of govdisclose that a module imports, relative or absolute."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    depth = len(path.relative_to(PACKAGE).parts) - 1
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                if node.level > depth:  # reaches the package root: the next name is the layer
                    names = [node.module.split(".")[0]] if node.module else [a.name for a in node.names]
                    found.update(names)
            elif node.module and node.module.startswith("govdisclose."):
                found.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            found.update(a.name.split(".")[1] for a in node.names if a.name.startswith("govdisclose."))
    return found


@pytest.mark.parametrize(
    "path", sorted(p for p in PACKAGE.rglob("*.py") if p.parent != PACKAGE or p.name != "__init__.py"), ids=str
)
def test_layers_import_only_what_they_stand_on(path: Path) -> None:
    """Each module imports only the layers below it (docs/architecture.md)."""
    layer = layer_of(path)
    allowed = ALLOWED[layer] | (FLOOR if layer not in FLOOR | {"_version", "zh"} else ALLOWED[layer])
    assert set() == imported_layers(path) - allowed - {layer}
