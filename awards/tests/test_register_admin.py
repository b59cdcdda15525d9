"""The number registers in the admin: a ward continuing from paper sets the last number it used, the portal's next
decision follows it; a register never goes below a number the portal already issued, and is never deleted."""

from django.urls import reverse

from awards.decisions.models import DecisionRegister
from awards.tests import council_support as support


def _change(client, register, last_number):
    url = reverse("admin:awards_decisionregister_change", args=[register.pk])
    data = {"issuer": register.issuer_id, "series": register.series, "year": register.year}
    return client.post(url, data | {"last_number": str(last_number)})


def test_the_next_decision_follows_the_number_set_from_paper_and_the_register_never_goes_back(
    client, campaign, sam, chris, ada
):
    form = support.own_form(campaign)
    first = support.decided(campaign, form, "TTDVTH", sam, chris)
    register = DecisionRegister.objects.get(series=first.series, year=first.year)
    client.force_login(ada)

    assert _change(client, register, 229).status_code == 302  # 229 decisions were issued on paper this year
    second = support.decided(campaign, form, "VHXH", sam, chris)
    assert (first.number, second.number) == (1, 230)

    response = _change(client, register, 100)
    assert response.status_code == 200
    assert "Cổng đã ban hành đến Quyết định số 230/QĐ-UBND năm 2026: không lùi số về 100" in response.content.decode()
    register.refresh_from_db()
    assert register.last_number == 230
    delete = reverse("admin:awards_decisionregister_delete", args=[register.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    assert DecisionRegister.objects.filter(pk=register.pk).exists()
