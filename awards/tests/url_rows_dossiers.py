"""Permission-table rows of the award dossier pages (core/tests/test_permissions.py): a unit head sees their
unit's dossiers, a nominee their own report, the ward-wide roles every one; anyone else's answers 404."""

from awards.catalogue.models import AwardForm
from awards.dossiers.models import Dossier
from awards.tests.conftest import build_dossier


def vp_dossier(ctx) -> Dossier:
    """VP's Giấy khen dossier (alice's unit) with the unit and olga, ready to send; shared by the row modules."""
    campaign, alice = ctx["campaign"], ctx["alice"]
    form = AwardForm.objects.get(campaign=campaign, code="GK-CT-PHUONG")
    found = Dossier.objects.filter(campaign=campaign, unit=alice.official.unit, award_form=form).first()
    return found or build_dossier(campaign, form, alice, [ctx["olga"].official])[0]


def context(ctx) -> dict:
    dossier = vp_dossier(ctx)
    return {"dossier_vp": dossier, "nominee_olga": dossier.nominees.get(official=ctx["olga"].official)}


def _pk(key):
    return lambda ctx: {"pk": ctx[key].pk}


PERSONAS = ["alice", "bob", "olga", "sam", "chris", "ada"]
ALL = dict.fromkeys(PERSONAS, 200)
OWN_VP = {"alice": 200, "bob": 404, "olga": 404, "sam": 200, "chris": 200, "ada": 200}
OWN_REPORT = {**OWN_VP, "olga": 200}
POST_ONLY = dict.fromkeys(PERSONAS, 405)

ROWS = {
    # One's own nominations and awards; the admin persona has no official record.
    "awards:mine": (lambda ctx: {}, {**ALL, "ada": 404}, "login"),
    "awards:dossier-list": (lambda ctx: {}, ALL, "login"),
    "awards:dossier-open": (lambda ctx: {}, POST_ONLY, "login"),
    "awards:dossier-detail": (_pk("dossier_vp"), OWN_VP, "login"),
    "awards:dossier-transition": (lambda ctx: {"pk": ctx["dossier_vp"].pk, "action": "submit"}, POST_ONLY, "login"),
    "awards:nominee-add": (_pk("dossier_vp"), POST_ONLY, "login"),
    "awards:minutes-edit": (_pk("dossier_vp"), OWN_VP, "login"),
    "awards:dossier-letter": (_pk("dossier_vp"), OWN_VP, "login"),
    "awards:nominee-remove": (_pk("nominee_olga"), POST_ONLY, "login"),
    "awards:nominee-discipline": (_pk("nominee_olga"), POST_ONLY, "login"),
    "awards:report-edit": (_pk("nominee_olga"), OWN_REPORT, "login"),
    "awards:report-confirm": (_pk("nominee_olga"), POST_ONLY, "login"),
}
