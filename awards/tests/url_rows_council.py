"""Permission-table rows of the ward council's pages (core/tests/test_permissions.py): the secretariat's only;
anyone else gets 404, and the steps are POST only."""

from awards.tests import council_support as support

PERSONAS = ["alice", "bob", "olga", "sam", "chris", "ada"]
SECRETARIAT = {**dict.fromkeys(PERSONAS, 404), "sam": 200}
POST_ONLY = dict.fromkeys(PERSONAS, 405)


def context(ctx) -> dict:
    """An open meeting of the campaign, with TT PVHCC's dossier accepted for it."""
    campaign, sam = ctx["campaign"], ctx["sam"]
    support.accepted(campaign, support.own_form(campaign), "TTPVHCC", sam)
    return {"council_meeting": support.meeting(campaign, sam)}


def _meeting(ctx) -> dict:
    return {"pk": ctx["council_meeting"].pk}


ROWS = {
    "awards:council-list": (lambda ctx: {}, SECRETARIAT, "login"),
    "awards:council-open": (lambda ctx: {}, POST_ONLY, "login"),
    "awards:council-detail": (_meeting, SECRETARIAT, "login"),
    "awards:council-votes": (_meeting, POST_ONLY, "login"),
    "awards:council-close": (_meeting, POST_ONLY, "login"),
    "awards:council-members": (_meeting, SECRETARIAT, "login"),
}
