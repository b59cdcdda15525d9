"""Permission-table rows for this feature's URLs (see core/tests/test_permissions.py)."""

ROWS: dict = {}
