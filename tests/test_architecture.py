import ast
import importlib
import inspect
from pathlib import Path

import pytest

import govdisclose
from govdisclose import Registry
from govdisclose.plugins import PluginHost
from govdisclose.render import ReportRenderer, default_renderers

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
    allowed = ALLOWED[layer] | (FLOOR if layer not in FLOOR | {"_version", "zh"} else set())
    assert set() == imported_layers(path) - allowed - {layer}


SOURCES = sorted(PACKAGE.rglob("*.py"))


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def test_nothing_dispatches_with_module_level_singledispatch() -> None:
    """No module uses functools.singledispatch: per-type functions live in the tables of renderer instances."""
    found = [
        f"{path.relative_to(PACKAGE)}:{node.lineno}"
        for path in SOURCES
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if (isinstance(node, ast.Name) and node.id.startswith("singledispatch"))
        or (isinstance(node, ast.Attribute) and node.attr.startswith("singledispatch"))
    ]
    assert [] == found


def test_every_class_with_register_is_a_registry() -> None:
    """One registry type: every class of the package with a ``register`` method derives from Registry."""
    registries = set()
    for path in SOURCES:
        if path.name == "__main__.py":  # runs the command line
            continue
        module = importlib.import_module(_module_name(path))
        for _, cls in inspect.getmembers(module, inspect.isclass):
            own = [base for base in cls.__mro__ if base.__module__.startswith("govdisclose")]
            if cls.__module__ == module.__name__ and any("register" in vars(base) for base in own):
                registries.add(cls)
    assert registries  # the rule, renderer, category and kind tables, the renderers' function tables …
    assert [] == sorted(cls.__qualname__ for cls in registries if not issubclass(cls, Registry))


def test_the_report_walk_is_written_once() -> None:
    """Only the walk (render/_walk.py) lists a report's metadata and numbers its sections; formats supply pieces."""
    callers = {
        path.relative_to(PACKAGE).as_posix()
        for path in (PACKAGE / "render").glob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in ("metadata_lines", "numbered")
    }
    assert {"render/_walk.py"} == callers


def test_an_isolated_host_has_renderers_and_tables_of_its_own() -> None:
    """The renderers of an isolated host, and each of their function tables, are other objects than the defaults."""
    host = PluginHost.isolated()
    for name in default_renderers.names():
        mine, default = host.renderers[name], default_renderers[name]
        assert isinstance(mine, ReportRenderer)
        assert isinstance(default, ReportRenderer)
        assert mine is not default
        for table in ("blocks", "sections", "tables"):
            assert getattr(mine, table) is not getattr(default, table)
            assert getattr(mine, table).keys() == getattr(default, table).keys()
