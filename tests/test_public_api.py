import importlib
import subprocess
import sys
import types

import pytest

import govdisclose

PACKAGES = [
    "govdisclose",
    "govdisclose.model",
    "govdisclose.serialize",
    "govdisclose.render",
    "govdisclose.zh",
    "govdisclose.templates",
    "govdisclose.checks",
    "govdisclose.plugins",
    "govdisclose.read",
    "govdisclose.data",
]


@pytest.mark.parametrize("name", PACKAGES)
def test_all_is_exactly_the_public_surface(name: str) -> None:
    """``__all__`` lists every public name a package defines, imports or imports lazily, and nothing else."""
    module = importlib.import_module(name)
    assert set(module.__all__) <= set(dir(module))
    for attr in module.__all__:
        getattr(module, attr)  # a lazily imported name is resolved, and kept in the module's namespace
    public = {
        attr
        for attr, value in vars(module).items()
        if (not attr.startswith("_") or attr in module.__all__)
        and not (isinstance(value, types.ModuleType) and attr not in module.__all__)
    }
    assert sorted(public) == sorted(module.__all__)


def test_an_unknown_name_is_an_attribute_error() -> None:
    """A name the package does not export raises AttributeError naming it, as for any module."""
    with pytest.raises(AttributeError, match="'govdisclose' has no attribute 'no_such_name'"):
        govdisclose.no_such_name  # noqa: B018 - the attribute access is what is tested


def test_import_loads_no_optional_subpackage() -> None:
    """``import govdisclose`` leaves the readers, checks, plugins, batch, templates and examples for their first use."""
    code = (
        "import sys, govdisclose\n"
        "print(sorted(m for m in sys.modules if m.split('.')[:2] in ("
        "['govdisclose', 'read'], ['govdisclose', 'checks'], ['govdisclose', 'plugins'], "
        "['govdisclose', 'batch'], ['govdisclose', 'templates'], ['govdisclose', 'examples'])))\n"
        "print(govdisclose.read_text.__module__, sorted(m for m in sys.modules if m == 'govdisclose.read'))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert ["[]", "govdisclose.read._api ['govdisclose.read']"] == done.stdout.splitlines()


def test_every_error_is_a_govdisclose_error() -> None:
    """Every exported exception derives from GovDiscloseError and from the builtin a caller would catch."""
    errors = [getattr(govdisclose, n) for n in govdisclose.__all__ if n.endswith("Error")]
    expected = {
        "DocumentError": ValueError,
        "UnknownKindError": ValueError,
        "ModelError": ValueError,
        "RegistryError": ValueError,
        "DuplicateError": ValueError,
        "DuplicateKindError": ValueError,
        "DuplicateRuleError": ValueError,
        "InvalidKindError": ValueError,
        "PluginError": ValueError,
        "UnknownExampleError": KeyError,
        "MissingExtraError": ImportError,
        "SourceError": OSError,
    }
    assert expected == {
        e.__name__: next(b for b in (ValueError, KeyError, ImportError, OSError) if issubclass(e, b))
        for e in errors
        if e is not govdisclose.GovDiscloseError
    }
    assert all(issubclass(e, govdisclose.GovDiscloseError) for e in errors)
