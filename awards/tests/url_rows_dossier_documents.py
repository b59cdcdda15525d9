"""Permission-table rows of the dossier's documents (core/tests/test_permissions.py): the ward's tờ trình to the
province as Word, for whoever sees the Bằng khen dossier (alice's unit, the ward-wide roles); anyone else 404."""

from awards.catalogue.models import AwardForm
from awards.dossiers.models import Dossier
from awards.tests.conftest import build_dossier


def vp_province_dossier(ctx) -> Dossier:
    """VP's Bằng khen dossier with the unit and olga."""
    campaign, alice = ctx["campaign"], ctx["alice"]
    form = AwardForm.objects.get(campaign=campaign, code="BK-CT-TINH")
    found = Dossier.objects.filter(campaign=campaign, unit=alice.official.unit, award_form=form).first()
    return found or build_dossier(campaign, form, alice, [ctx["olga"].official])[0]


def context(ctx) -> dict:
    return {"dossier_vp_province": vp_province_dossier(ctx)}


OWN_VP = {"alice": 200, "bob": 404, "olga": 404, "sam": 200, "chris": 200, "ada": 200}

ROWS = {
    "awards:province-letter-docx": (lambda ctx: {"pk": ctx["dossier_vp_province"].pk}, OWN_VP, "login"),
}
