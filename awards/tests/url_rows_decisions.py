"""Permission-table rows of the chairman's page and the decision register (core/tests/test_permissions.py): the
chairman's page is his only, the register the ward-wide roles'; anyone else gets 404; the steps are POST only."""

from awards.tests import council_support as support

PERSONAS = ["alice", "bob", "olga", "sam", "chris", "ada"]
CHAIRMAN = {**dict.fromkeys(PERSONAS, 404), "chris": 200}
WARD_WIDE = {**dict.fromkeys(PERSONAS, 404), "sam": 200, "chris": 200, "ada": 200}
POST_ONLY = dict.fromkeys(PERSONAS, 405)


def context(ctx) -> dict:
    """TT DVTH's dossier decided (a decision with its awards) and VH-XH's proposed to the chairman."""
    campaign, sam, chris = ctx["campaign"], ctx["sam"], ctx["chris"]
    form = support.own_form(campaign, "GK-QD-THU")
    decision = support.decided(campaign, form, "TTDVTH", sam, chris)
    dossier, _ = support.proposed(campaign, form, "VHXH", sam, [8, 3])
    return {"decisions_decision": decision, "decisions_proposed": dossier}


ROWS = {
    "awards:chairman": (lambda ctx: {}, CHAIRMAN, "login"),
    "awards:chairman-review": (lambda ctx: {"pk": ctx["decisions_proposed"].pk}, POST_ONLY, "login"),
    "awards:chairman-approve-all": (lambda ctx: {}, POST_ONLY, "login"),
    "awards:decision-list": (lambda ctx: {}, WARD_WIDE, "login"),
    "awards:decision-issue": (lambda ctx: {}, POST_ONLY, "login"),
    "awards:decision-detail": (lambda ctx: {"pk": ctx["decisions_decision"].pk}, WARD_WIDE, "login"),
    "awards:decision-revoke": (lambda ctx: {"pk": ctx["decisions_decision"].pk}, POST_ONLY, "login"),
}
