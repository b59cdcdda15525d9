"""The demo's initiatives (seed_demo's part, emulation/initiatives/demo.py): four plausible ones by the demo ward's
officials, two recognised and applied (what the awards side will find), and safe to run twice."""

from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model

from emulation.initiatives.demo import initiatives_demo_load
from emulation.initiatives.models import Initiative
from emulation.initiatives.selectors import initiatives_counting_for
from emulation.plan.loader import load_plan, read_plan_file
from units.services import ward_load

DATA = Path(settings.BASE_DIR) / "data"


@pytest.fixture
def demo_campaign(db):
    ward_load(data=read_plan_file(DATA / "wards" / "nam-gia-nghia-demo.yaml"), password="x")
    return load_plan(data=read_plan_file(DATA / "plans" / "ke-hoach-thi-dua-cchc-2026.yaml")).campaign


def test_the_demo_adds_four_initiatives_two_counting_for_awards_and_adds_nothing_twice(demo_campaign):
    clerk = get_user_model().objects.get(username="vhxh")
    assert initiatives_demo_load(campaign=demo_campaign, clerk=clerk) == (
        "Sáng kiến mẫu: thêm 4 (2 được công nhận và đã áp dụng)."
    )
    initiatives = Initiative.objects.filter(campaign=demo_campaign)
    assert initiatives.count() == 4
    assert {i.unit.code for i in initiatives} == {"VP", "TTPVHCC", "VHXH", "KTHTDT"}
    assert all(a.unit_id == i.unit_id for i in initiatives for a in i.authors.all())  # authors of the unit only
    assert all(i.authors.count() == 2 for i in initiatives)
    year = {"start": demo_campaign.start_date, "end": demo_campaign.end_date}
    counting = [i.title for i in initiatives_counting_for(demo_campaign, unit=None, official=_hanh(), **year)]
    assert counting == ["Tra cứu kho hồ sơ đã số hóa trước khi yêu cầu người dân nộp bản giấy"]
    assert sum(i.counts_for_awards for i in initiatives) == 2
    assert initiatives.get(unit__code="VP").files.count() == 1

    before = list(initiatives.order_by("pk").values_list("pk", "version"))
    assert initiatives_demo_load(campaign=demo_campaign, clerk=clerk) == "Sáng kiến mẫu: đã có sẵn, giữ nguyên."
    assert list(initiatives.order_by("pk").values_list("pk", "version")) == before


def _hanh():
    from units.models import Official

    return Official.objects.get(full_name="Đỗ Thị Hạnh")
