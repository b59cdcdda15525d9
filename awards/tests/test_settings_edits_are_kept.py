"""The award settings edited in the admin (an award form with its standards and dossier parts; a dated rule): two
admins open the same row, the first saves, the second's save is refused with who changed what since, their
typing kept, the first's values intact and nothing half-saved (not even an inline row)."""

from datetime import date
from decimal import Decimal
from html.parser import HTMLParser

import pytest
from django.test import Client
from django.urls import reverse

from awards.catalogue.models import AwardForm, AwardStandard, RuleSetting

pytestmark = pytest.mark.django_db

STALE = "Đã có người khác thay đổi nội dung này sau khi bạn mở trang; chưa lưu gì."
GARBAGE = ["abc", "99999999999999999999", "-1", "１", "1e3", "2.0", ""]


class _Form(HTMLParser):
    """The change form's fields as a browser sends them back: inputs, checked boxes, selected options, text areas."""

    def __init__(self):
        super().__init__()
        self.data: dict[str, str] = {}
        self._select = self._textarea = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        name = a.get("name")
        if tag == "input" and name and name != "csrfmiddlewaretoken" and a.get("type") not in ("submit", "file"):
            if a.get("type") in ("checkbox", "radio"):
                if "checked" in a:
                    self.data[name] = a.get("value") or "on"
            else:
                self.data[name] = a.get("value") or ""
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and ("selected" in a or self._select not in self.data):
            self.data[self._select] = a.get("value") or ""
        elif tag == "textarea" and name:
            self._textarea = name
            self.data[name] = ""

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea] += data.removeprefix("\n") if not self.data[self._textarea] else data


def _form(browser, url) -> dict:
    parser = _Form()
    parser.feed(browser.get(url).content.decode())
    return parser.data


def _browser(user) -> Client:
    browser = Client()
    browser.force_login(user)
    return browser


def _text(response) -> str:
    import re

    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


@pytest.fixture
def rule(db) -> RuleSetting:
    return RuleSetting.objects.create(key="council.pass", valid_from=date(2027, 1, 1), value="1/2", note="Luật 2022")


def test_a_rule_saved_meanwhile_refuses_the_second_save_and_keeps_the_first(ada, rule):
    url = reverse("admin:awards_rulesetting_change", args=[rule.pk])
    first, second = _browser(ada), _browser(ada)
    mine, theirs = _form(first, url), _form(second, url)
    assert mine["seen_version"] == "0"
    assert first.post(url, mine | {"value": "2/3", "note": "Nghị định mới"}).status_code == 302

    refused = second.post(url, theirs | {"value": "3/4", "note": "Bản của người thứ hai"})
    assert refused.status_code == 200
    text = _text(refused)
    assert STALE in text
    assert "ada: Đã sửa Giá trị và Căn cứ." in text, text[text.index(STALE) :][:400]  # who changed what, from the log
    page = refused.content.decode()
    assert 'value="3/4"' in page and 'value="Bản của người thứ hai"' in page  # what was typed is kept
    rule.refresh_from_db()
    assert (rule.value, rule.note, rule.version) == ("2/3", "Nghị định mới", 1)

    # Saved again from the refused page (it now carries the current version): the second admin's value wins.
    parser = _Form()
    parser.feed(page)
    assert second.post(url, parser.data).status_code == 302
    rule.refresh_from_db()
    assert (rule.value, rule.version) == ("3/4", 2)


def test_an_award_form_saved_meanwhile_refuses_the_second_save_and_its_inlines(ada, campaign):
    form = AwardForm.objects.get(campaign=campaign, code="GK-CT-PHUONG")
    standards = list(AwardStandard.objects.filter(award_form=form).values_list("pk", "text"))
    url = reverse("admin:awards_awardform_change", args=[form.pk])
    first, second = _browser(ada), _browser(ada)
    mine, theirs = _form(first, url), _form(second, url)
    assert first.post(url, mine | {"coefficient": "0,5"}).status_code == 302

    theirs |= {"coefficient": "0,8", "quota": "3", "standards-0-text": "Tiêu chuẩn sửa đè"}
    refused = second.post(url, theirs)
    assert refused.status_code == 200 and STALE in _text(refused)
    assert 'value="0,8"' in refused.content.decode() and "Tiêu chuẩn sửa đè" in refused.content.decode()
    form.refresh_from_db()
    assert (form.coefficient, form.quota, form.version) == (Decimal("0.5"), None, 1)
    assert list(AwardStandard.objects.filter(award_form=form).values_list("pk", "text")) == standards


@pytest.mark.parametrize("version", GARBAGE)
def test_a_rule_save_with_a_garbage_or_missing_version_is_refused_and_changes_nothing(client, ada, rule, version):
    url = reverse("admin:awards_rulesetting_change", args=[rule.pk])
    client.force_login(ada)
    refused = client.post(url, _form(client, url) | {"seen_version": version, "value": "9/10"})
    assert refused.status_code == 200 and STALE in _text(refused)
    rule.refresh_from_db()
    assert (rule.value, rule.version) == ("1/2", 0)


def test_a_new_rule_is_added_without_a_version_to_compare(client, ada):
    client.force_login(ada)
    url = reverse("admin:awards_rulesetting_add")
    data = _form(client, url) | {"key": "council.quorum", "valid_from": "01/01/2027", "value": "3/4"}
    assert client.post(url, data).status_code == 302
    assert RuleSetting.objects.get(key="council.quorum", valid_from=date(2027, 1, 1)).version == 0
