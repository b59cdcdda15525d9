"""Every number input of the portal reads the same way (core.numbers): "8,5" and "8.5" are the same score
wherever they are typed, grouped thousands are refused with the same clear message, and the model and the
database hold the bounds too, so no path around the forms stores what they refuse."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from criteria.models import Indicator
from criteria.tests.test_admin_validation import _indicator_form
from emulation.models import MonthlyReport, ReportEntry
from emulation.reports import services
from emulation.tests.conftest import fill

GROUPED = "không dùng dấu phân cách hàng nghìn"


@pytest.mark.parametrize("typed", ["8,5", "8.5", " 8,50 "])
def test_the_self_score_and_the_appraisal_read_a_comma_or_a_dot(client, alice, sam, report_vp, typed):
    fill(report_vp, alice)
    services.report_save_figures(report=report_vp, actor=alice, entries={"1.1": {"self_score": typed}})
    services.report_transition(report=report_vp, action="submit", actor=alice)
    client.force_login(sam)
    client.post(reverse("emulation:report-transition", args=[report_vp.pk, "accept"]), {"appraise-1.1": typed})
    entry = report_vp.entries.get(indicator__code="1.1")
    assert (entry.self_score, entry.appraised_score) == (Decimal("8.50"), Decimal("8.50"))
    assert MonthlyReport.objects.get(pk=report_vp.pk).status == "accepted"


@pytest.mark.parametrize(("typed", "stored"), [("97,5", Decimal("97.50")), ("97.5", Decimal("97.50"))])
def test_the_admin_reads_thresholds_as_the_forms_do(client, ada, campaign, typed, stored):
    indicator = Indicator.objects.get(campaign=campaign, code="1.3c")
    client.force_login(ada)
    url = reverse("admin:criteria_indicator_change", args=[indicator.pk])
    assert client.post(url, _indicator_form(indicator, target=typed)).status_code == 302
    indicator.refresh_from_db()
    assert indicator.target == stored
    page = client.get(url).content.decode()
    assert 'value="97,50"' in page  # shown back the Vietnamese way


def test_grouped_thousands_get_the_same_message_in_every_form(client, alice, sam, ada, report_vp, campaign):
    client.force_login(alice)
    form = client.post(reverse("emulation:report-edit", args=[report_vp.pk]), {"e-1.1-self_score": "1.234,5"})
    assert GROUPED in form.content.decode()
    indicator = Indicator.objects.get(campaign=campaign, code="1.3c")
    client.force_login(ada)
    admin = client.post(
        reverse("admin:criteria_indicator_change", args=[indicator.pk]), _indicator_form(indicator, target="1.234,5")
    )
    assert GROUPED in admin.content.decode()


def test_the_model_and_the_database_hold_the_bounds_without_a_form(report_vp):
    entry = report_vp.entries.get(indicator__code="1.5c")
    entry.value = Decimal(10**13)
    with pytest.raises(ValidationError) as refused:
        entry.full_clean()
    assert "value" in refused.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        ReportEntry.objects.filter(pk=entry.pk).update(value=Decimal(10**11))  # fits the column, not the bound
    with pytest.raises(IntegrityError), transaction.atomic():
        MonthlyReport.objects.filter(pk=report_vp.pk).update(received=2 * 10**9)  # fits an integer column
    with pytest.raises(IntegrityError), transaction.atomic():
        ReportEntry.objects.filter(report=report_vp, indicator__code="1.1").update(explanation="x" * 5001)
    assert ReportEntry.objects.get(pk=entry.pk).value is None
