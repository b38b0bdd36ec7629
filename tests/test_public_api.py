import importlib
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
]


@pytest.mark.parametrize("name", PACKAGES)
def test_all_is_exactly_the_public_surface(name: str) -> None:
    """``__all__`` lists every public name a package defines or imports, and nothing else."""
    module = importlib.import_module(name)
    public = {
        attr
        for attr, value in vars(module).items()
        if (not attr.startswith("_") or attr in module.__all__)
        and not (isinstance(value, types.ModuleType) and attr not in module.__all__)
    }
    assert sorted(public) == sorted(module.__all__)


def test_every_error_is_a_govdisclose_error() -> None:
    """Every exported exception derives from GovDiscloseError and from the builtin a caller would catch."""
    errors = [getattr(govdisclose, n) for n in govdisclose.__all__ if n.endswith("Error")]
    expected = {
        "DocumentError": ValueError,
        "UnknownKindError": ValueError,
        "ModelError": ValueError,
        "RegistryError": ValueError,
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
