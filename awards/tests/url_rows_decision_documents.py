"""Permission-table rows of the Giấy khen blank's test print (core/tests/test_permissions.py): the admin's and the
secretariat's only (the link is on the layout's admin page); anyone else gets 404. The documents themselves are
asked for and downloaded through documents' own URLs, whose rows are documents'."""

from awards.decisions.models import CertificateLayout
from units.models import Unit

PERSONAS = ["alice", "bob", "olga", "sam", "chris", "ada"]
SETTERS = {**dict.fromkeys(PERSONAS, 404), "sam": 200, "ada": 200}


def context(ctx) -> dict:
    issuer = Unit.objects.filter(parent__isnull=True).order_by("pk").first()
    layout, _ = CertificateLayout.objects.get_or_create(issuer=issuer)
    return {"decision_documents_layout": layout}


ROWS = {
    "awards:certificate-test-print": (
        lambda ctx: {"pk": ctx["decision_documents_layout"].pk},
        SETTERS,
        "login",
    ),
}
