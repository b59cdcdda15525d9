"""Permission-table rows (core/tests/test_permissions.py)."""

ROWS: dict = {}
