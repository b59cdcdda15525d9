"""seed_demo: the demo ward, accounts and the 2026 plan; idempotent; refused in production."""

from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError

from core.roles import Role
from criteria.models import Indicator
from emulation.models import Campaign
from units.models import Official, Unit

DEMO_ACCOUNTS = {
    "quantri": Role.ADMIN,
    "chutich": Role.CHAIRMAN,
    "vhxh": Role.SECRETARIAT,
    "tp_vanphong": Role.UNIT_HEAD,
    "tp_ktht": Role.UNIT_HEAD,
    "tp_hcc": Role.UNIT_HEAD,
    "canbo": Role.OFFICIAL,
}
HEADS = {"tp_vanphong": "VP", "tp_ktht": "KTHTDT", "tp_hcc": "TTPVHCC"}


@pytest.fixture
def seeded(db, settings):
    settings.DEBUG = True
    call_command("seed_demo", stdout=open("/dev/null", "w"))


def _snapshot() -> dict:
    from django.apps import apps

    return {
        model._meta.label: sorted(map(str, model.objects.values_list("pk", flat=True)))
        for model in apps.get_models()
        if model._meta.app_label in {"units", "criteria", "emulation", "awards", "auth"}
    } | {"indicator_rows": list(Indicator.objects.order_by("pk").values())}


def test_demo_has_the_five_units_with_their_codes_and_about_thirty_officials(seeded):
    ward = Unit.objects.get(parent=None)
    assert set(ward.children.values_list("code", flat=True)) == {"VP", "KTHTDT", "VHXH", "TTPVHCC", "TTDVTH"}
    assert 28 <= Official.objects.count() <= 35
    campaign = Campaign.objects.get(code="CCHC-2026")
    assert set(campaign.participants.values_list("code", flat=True)) == {"VP", "KTHTDT", "VHXH", "TTPVHCC", "TTDVTH"}


def test_every_demo_login_works_and_carries_its_role(seeded, client):
    for username, role in DEMO_ACCOUNTS.items():
        assert client.login(username=username, password="thidua2026"), username
        user = get_user_model().objects.get(username=username)
        assert user.groups.filter(name=role.group_name).exists(), username
        assert client.get("/").status_code == 200
        client.logout()


def test_accounts_show_names_in_vietnamese_order(seeded):
    assert get_user_model().objects.get(username="vhxh").get_full_name() == "Trần Thị Bình"


def test_unit_head_accounts_head_their_unit(seeded):
    for username, code in HEADS.items():
        official = Official.objects.get(user__username=username)
        assert official.unit.code == code and official.leadership == Official.Leadership.HEAD


def test_running_seed_twice_changes_nothing(seeded, settings):
    before = _snapshot()
    call_command("seed_demo", stdout=open("/dev/null", "w"))
    assert _snapshot() == before


def test_seed_keeps_an_admin_edit(seeded):
    indicator = Indicator.objects.get(code="1.3c")
    indicator.target = Decimal("97")
    indicator.save()
    call_command("seed_demo", stdout=open("/dev/null", "w"))
    indicator.refresh_from_db()
    assert indicator.target == 97


def test_seed_refuses_with_debug_off_unless_forced(db, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG đang tắt"):
        call_command("seed_demo")
    assert not Unit.objects.exists()
    call_command("seed_demo", "--force", stdout=open("/dev/null", "w"))
    assert Campaign.objects.filter(code="CCHC-2026").exists()


def test_demo_months_already_past_are_reported_accepted_and_scored(seeded, client):
    """So the demo's dashboards show something: every unit has an accepted report for each past month."""
    from django.utils import timezone

    from emulation.models import MonthlyReport, UnitScore

    today = timezone.localdate()
    campaign = Campaign.objects.get(code="CCHC-2026")
    past = [m for m in campaign.months() if (m.year, m.month) < (today.year, today.month)]
    accepted = MonthlyReport.objects.filter(campaign=campaign, status="accepted")
    assert accepted.count() == 5 * len(past)
    assert all(report.transitions.count() == 2 for report in accepted[:3])
    if past:
        ranks = UnitScore.objects.filter(campaign=campaign, period=f"{past[-1]:%Y-%m}").values_list("rank", flat=True)
        assert sorted(r for r in ranks if r is not None)[0] == 1 and len(ranks) == 5
        assert client.login(username="vhxh", password="thidua2026")
        page = client.get(f"/phong-trao/{campaign.code}/diem/").content.decode()
        assert f"Tháng {past[-1]:%m/%Y}" in page
