"""The demo's history (awards/history/demo.py): last year's decided awards of the demo ward's people and units
(and one thematic award of this year),
entered as the secretariat would, found by the pages and the duplicate check; safe to run twice."""

from datetime import date

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model

from awards.history.demo import history_demo_load
from awards.history.models import Award
from awards.history.services import AwardInvalid, award_record
from units.models import Official, Unit


@pytest.fixture
def demo(db):
    """The demo ward (its fictional people and accounts) and the 2026 plan, as seed_demo loads them."""
    from awards.management.commands.seed_demo import PLAN_FILE, WARD_FILE
    from emulation.plan.loader import load_plan, read_plan_file
    from units.services import ward_load

    ward_load(data=read_plan_file(WARD_FILE), password=settings.DEMO_PASSWORD)
    campaign = load_plan(data=read_plan_file(PLAN_FILE)).campaign
    return campaign, get_user_model().objects.get(username="vhxh")


def test_the_demo_enters_last_years_decided_awards_and_one_of_this_year(demo):
    campaign, clerk = demo
    assert history_demo_load(campaign=campaign, clerk=clerk) == (
        "Khen thưởng đã quyết định (năm 2025 và đợt chuyên đề năm 2026): thêm 15."
    )
    khai = Award.objects.get(official__full_name="Trịnh Văn Khải")
    assert (khai.decision_number, khai.period_start, khai.period_end) == (
        "152/QĐ-UBND",
        date(2026, 1, 1),
        date(2026, 8, 31),
    )
    hanh = Official.objects.get(full_name="Đỗ Thị Hạnh")  # the demo's `canbo`
    assert [(a.title, a.decision_number) for a in Award.objects.filter(official=hanh).order_by("decision_number")] == [
        ("Lao động tiên tiến", "214/QĐ-UBND"),
        ("Giấy khen của Chủ tịch UBND phường", "215/QĐ-UBND"),
    ]
    centre = Award.objects.get(unit=Unit.objects.get(code="TTPVHCC"))
    assert (centre.decision_date, centre.issuer) == (date(2025, 12, 18), "Chủ tịch UBND phường Nam Gia Nghĩa")
    assert (centre.period_start, centre.period_end) == (date(2025, 1, 1), date(2025, 12, 31))
    assert set(Award.objects.values_list("source", flat=True)) == {"manual"}


def test_running_the_demo_twice_adds_nothing(demo):
    campaign, clerk = demo
    history_demo_load(campaign=campaign, clerk=clerk)
    before = list(Award.objects.order_by("pk").values())
    assert history_demo_load(campaign=campaign, clerk=clerk).endswith("thêm 0.")
    assert list(Award.objects.order_by("pk").values()) == before


def test_the_duplicate_check_finds_the_demos_awards(demo):
    campaign, clerk = demo
    history_demo_load(campaign=campaign, clerk=clerk)
    with pytest.raises(AwardInvalid, match="mỗi thành tích chỉ khen một lần"):
        award_record(
            actor=clerk,
            official=Official.objects.get(full_name="Cao Thị Thảo"),
            year=2025,
            title="Giấy khen của Chủ tịch UBND phường",
            decision_number="215/QĐ-UBND",
            decision_date=date(2025, 12, 18),
            issuer="Chủ tịch UBND phường Nam Gia Nghĩa",
        )
