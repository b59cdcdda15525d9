"""Hostile-input rows (core/tests/test_hostile_input.py)."""

CASES: list = []
