"""Permission-table rows for the audit log (see core/tests/test_permissions.py): the admin and the secretariat
only; a unit head, an official, the chairman get the plain 404."""

ROWS: dict = {
    "core:audit": (
        lambda ctx: {},
        {"alice": 404, "bob": 404, "olga": 404, "sam": 200, "chris": 404, "ada": 200},
        "login",
    ),
}
