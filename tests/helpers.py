"""Paths of the test data, importable by test modules."""

from pathlib import Path

TESTS = Path(__file__).parent
DATA = TESTS / "data"
GOLDEN = TESTS / "golden"
