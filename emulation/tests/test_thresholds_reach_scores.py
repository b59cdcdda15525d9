"""A threshold saved (or deleted) in the admin reaches the stored scores at once, and its preview shows
the periods the new version actually governs; two admins editing one indicator cannot overwrite each other."""

import re
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from core.models import PendingTask
from criteria.models import Indicator, IndicatorVersion
from criteria.tests.test_admin_validation import _indicator_form
from emulation.models import IndicatorScore
from emulation.scores.services import scores_recompute
from emulation.tests.conftest import accepted_report


def _text(response) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


@pytest.fixture
def ratio(campaign, ward, sam):
    """1.2a for VP: 9/10 in January and July, both accepted and scored (target 100%, 5 points)."""
    for month in (date(2026, 1, 1), date(2026, 7, 1)):
        accepted_report(campaign, ward.units["VP"], month, sam, ratio=(9, 10))
    scores_recompute(campaign=campaign)
    return Indicator.objects.get(campaign=campaign, code="1.2a")


def _points(period: str) -> Decimal:
    return IndicatorScore.objects.get(unit__code="VP", indicator__code="1.2a", period=period).points


def test_saving_a_threshold_recomputes_the_periods_it_governs_and_tells_the_admin(
    client, ada, ratio, django_capture_on_commit_callbacks
):
    assert (_points("2026-01"), _points("2026-07")) == (Decimal("4.50"), Decimal("4.50"))
    client.force_login(ada)
    url = reverse("admin:criteria_indicator_change", args=[ratio.pk])
    waiting = PendingTask.objects.count()  # the plan's loading asked too (its callbacks never run in a test)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, _indicator_form(ratio, target="90", effective_from="07/2026"), follow=True)
    assert "Điểm và thứ hạng các đơn vị đang được tính lại theo chỉ tiêu mới" in _text(response)
    # From July the new target (90%: met, full points); January keeps the version it was scored with.
    assert (_points("2026-01"), _points("2026-07"), _points("2026")) == (
        Decimal("4.50"),
        Decimal("5.00"),
        Decimal("5.00"),
    )
    assert PendingTask.objects.count() == waiting, "the recompute was sent: nothing more waits"


def test_deleting_a_version_recomputes_with_the_one_before(client, ada, ratio, django_capture_on_commit_callbacks):
    client.force_login(ada)
    url = reverse("admin:criteria_indicator_change", args=[ratio.pk])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, _indicator_form(ratio, target="90", effective_from="07/2026"))
    july = IndicatorVersion.objects.get(indicator=ratio, valid_from=date(2026, 7, 1))
    assert _points("2026-07") == Decimal("5.00")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("admin:criteria_indicatorversion_delete", args=[july.pk]), {"post": "yes"})
    assert not IndicatorVersion.objects.filter(pk=july.pk).exists()
    assert _points("2026-07") == Decimal("4.50")
    ratio.refresh_from_db()
    assert ratio.target == 100  # the indicator shows its latest version again
    # The last version of an indicator cannot be deleted.
    only = IndicatorVersion.objects.get(indicator=ratio)
    assert client.get(reverse("admin:criteria_indicatorversion_delete", args=[only.pk])).status_code == 403


def test_preview_from_the_first_month_shows_the_months_that_version_governs(client, ada, ratio):
    """A version from July exists; a change from January governs January–June only: the preview shows the
    year to date through June (VP 90%: 4,50 → 5,00 with target 90%), not July on, which it would not move."""
    IndicatorVersion.objects.create(
        indicator=ratio,
        valid_from=date(2026, 7, 1),
        target=100,
        comparison="gte",
        points=5,
        scoring_rule="proportional",
    )
    client.force_login(ada)
    url = reverse("admin:criteria_indicator_preview", args=[ratio.pk])
    text = _text(client.post(url, _indicator_form(ratio, target="90", effective_from="01/2026")))
    assert "Lũy kế đến tháng 06/2026" in text and "07/2026" in text
    assert "VP (thay đổi) 4,50 5,00" in text
    points = _text(client.post(url, _indicator_form(ratio, points="60", effective_from="01/2026")))
    assert "VP (thay đổi) 4,50 54,00" in points


def test_an_indicator_saved_by_someone_else_meanwhile_is_not_overwritten(client, ada, ratio):
    client.force_login(ada)
    url = reverse("admin:criteria_indicator_change", args=[ratio.pk])
    page = client.get(url).content.decode()
    shown = re.search(r'name="based_on" value="(\d+)"', page).group(1)
    # Someone else saves first…
    first = client.post(url, _indicator_form(ratio, target="95", based_on=shown, effective_from="07/2026"))
    assert first.status_code == 302
    # …then the first page is saved: refused, the change is listed, what was typed is kept.
    second = client.post(url, _indicator_form(ratio, target="80", based_on=shown, effective_from="07/2026"))
    text = _text(second)
    assert second.status_code == 200 and "Đã có người khác thay đổi nội dung này" in text
    assert "chỉ tiêu phấn đấu 100" in text and "→ 95" in text
    assert 'value="80"' in second.content.decode()
    ratio.refresh_from_db()
    assert ratio.target == 95
