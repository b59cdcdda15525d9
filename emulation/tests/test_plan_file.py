"""The plan data file mirrors the plan: every indicator of DOMAIN.md §1 with its target and §3 points."""

from decimal import Decimal

import pytest
import yaml

from conftest import PLAN_FILE
from criteria.models import Criterion, Indicator
from emulation.models import Campaign
from emulation.plan.loader import PlanFileError, load_plan

# DOMAIN.md §1 (target) and §3 (points, kind), typed here by hand from the documents.
EXPECTED = {
    "1.1": ("qualitative", Decimal(8), 10),
    "1.2a": ("ratio", Decimal(100), 5),
    "1.2b": ("ratio", Decimal(80), 5),
    "1.2c": ("ratio", Decimal(100), 5),
    "1.2d": ("ratio", Decimal(100), 5),
    "1.3a": ("ratio", Decimal(100), 6),
    "1.3b": ("ratio", Decimal(100), 6),
    "1.3c": ("ratio", Decimal(99), 10),
    "1.3d": ("rising", None, 3),
    "1.4a": ("ratio", Decimal(20), 5),
    "1.4b": ("ratio", Decimal(100), 5),
    "1.4c": ("ratio", Decimal(98), 10),
    "1.5a": ("ratio", Decimal(98), 10),
    "1.5b": ("ratio", Decimal(95), 10),
    "1.5c": ("rising", None, 5),
}


def test_plan_holds_all_fifteen_indicators_with_their_targets_and_points(campaign):
    found = {i.code: (i.kind, i.target, int(i.points)) for i in Indicator.objects.filter(campaign=campaign)}
    assert found == EXPECTED
    assert sum(points for *_, points in EXPECTED.values()) == 100


def test_plan_holds_criteria_contents_award_forms_and_dossier_parts(campaign):
    assert list(Criterion.objects.filter(campaign=campaign).values_list("code", flat=True)) == [
        "1.1",
        "1.2",
        "1.3",
        "1.4",
        "1.5",
    ]
    assert list(campaign.contents.values_list("code", flat=True)) == ["2.1", "2.2", "2.3", "2.4", "2.5"]
    assert [b.number for b in campaign.legal_bases.all()] == ["2481/KH-UBND", "197/KH-UBND"]
    giay_khen, bang_khen = campaign.award_forms.all()
    assert giay_khen.decided_by == "Chủ tịch UBND phường" and bang_khen.level == "province"
    assert giay_khen.standards.filter(beneficiary="collective", requirement="one_of").count() == 2
    assert giay_khen.standards.filter(beneficiary="individual", requirement="one_of").count() == 3
    assert list(giay_khen.dossier_parts.values_list("code", flat=True)) == [
        "to-trinh",
        "bao-cao-thanh-tich",
        "bien-ban",
    ]
    assert campaign.report_deadline_day == 5


def _plan() -> dict:
    return yaml.safe_load(PLAN_FILE.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("breakage", "message"),
    [
        (lambda d: d["criteria"][1]["indicators"][0].update(target=120), "Chỉ tiêu 1.2a"),
        (lambda d: d["criteria"][2]["indicators"][1].update(code="1.3a"), "cùng mã"),
        (lambda d: d["campaign"].update(participants=["VP", "KHONGCO"]), "KHONGCO"),
        (lambda d: d["award_forms"][0]["dossier_parts"][1].update(code="to-trinh"), "cùng mã"),
    ],
    ids=["target-above-100", "duplicate-indicator", "unknown-unit", "duplicate-dossier-part"],
)
def test_a_bad_plan_file_is_refused_whole(ward, breakage, message):
    data = _plan()
    breakage(data)
    with pytest.raises(PlanFileError, match=message):
        load_plan(data=data)
    assert not Campaign.objects.exists() and not Indicator.objects.exists()
