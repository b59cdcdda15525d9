"""Permission-table rows for this feature's URLs (see core/tests/test_permissions.py)."""

from core.models import Notification

PERSONAS = ["alice", "bob", "olga", "sam", "chris", "ada"]

ROWS: dict = {
    "core:notification-list": (lambda ctx: {}, dict.fromkeys(PERSONAS, 200), "login"),
    # POST only: a GET answers 405 to everyone. Another person's notification answers 404 to a
    # POST (core/tests/test_notifications.py).
    "core:notification-read": (
        lambda ctx: {"pk": ctx["notification"].pk},
        dict.fromkeys(PERSONAS, 405),
        405,
    ),
    "core:notification-read-all": (lambda ctx: {}, dict.fromkeys(PERSONAS, 405), 405),
}


def context(ctx) -> dict:
    return {"notification": Notification.objects.create(recipient=ctx["alice"], kind="report_urged", title="Thử")}
