"""Permission-table rows for the password reset pages (see core/tests/test_permissions.py): public, anonymous
visitors included (a forgotten password is asked for before signing in). A link that is not a real token shows
the "no longer valid" page, never anyone's form (core/tests/test_password_reset.py)."""

PERSONAS = ["alice", "bob", "olga", "sam", "chris", "ada"]
EVERYONE = dict.fromkeys(PERSONAS, 200)

ROWS: dict = {
    "password_reset": (lambda ctx: {}, EVERYONE, 200),
    "password_reset_done": (lambda ctx: {}, EVERYONE, 200),
    "password_reset_confirm": (lambda ctx: {"uidb64": "MQ", "token": "co-the-la-gi-2026"}, EVERYONE, 200),
    "password_reset_complete": (lambda ctx: {}, EVERYONE, 200),
}
