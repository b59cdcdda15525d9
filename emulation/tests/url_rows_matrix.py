"""Permission-table rows for this feature's URLs (see core/tests/test_permissions.py)."""

PERSONAS = ["alice", "bob", "olga", "sam", "chris", "ada"]


def _campaign(ctx) -> dict:
    return {"code": ctx["campaign"].code}


ROWS: dict = {
    # Ward-wide roles see every unit, a unit head their own row; an official has no row: 404.
    "emulation:report-matrix": (
        _campaign,
        {"alice": 200, "bob": 200, "olga": 404, "sam": 200, "chris": 200, "ada": 200},
        "login",
    ),
    # POST only (the secretariat's; others get 404 on POST, see emulation/tests/test_matrix.py).
    "emulation:report-urge": (_campaign, dict.fromkeys(PERSONAS, 405), 405),
}
