"""Every admin page of every registered model opens, and speaks Vietnamese (generated, as NetBox's tests are).

For each model in the admin site's registry, the admin persona opens the list, the add page, the change,
history and delete pages of real objects, and a past version where the model keeps one (simple-history):
no page may answer 5xx, a page the admin does not offer answers 403, and no page may show Django's English
(its admin and account messages, a field's English auto-label). A model registered later is covered with
no new line here; the data set must then hold an object of it, or its test fails naming the model.
"""

import re
from html.parser import HTMLParser
from pathlib import Path

import django
import pytest
import simple_history
from django.contrib import admin
from django.contrib.admin.utils import flatten_fieldsets
from django.core.files.uploadedfile import SimpleUploadedFile
from django.forms.utils import pretty_name
from django.test import RequestFactory
from django.urls import reverse
from django.utils.translation import trans_real
from simple_history.admin import SimpleHistoryAdmin

from core.catalogues import read_po

REGISTERED = sorted(admin.site._registry, key=lambda model: model._meta.label)
MONTH = "2026-10"


@pytest.fixture
def admin_data(campaign, personas, django_capture_on_commit_callbacks):
    """The 2026 plan (criteria, indicators and their versions, award forms) and one month of work on it:
    VP's October report filled with evidence, sent and accepted (entries, transitions, notifications,
    stored scores), KT-HT-ĐT urged for the same month, an Excel import, a recognised initiative of VP with its
    file, a threshold change by the admin, olga's award of 2025 entered by hand, and the ward's decision register
    continued from paper (229 decisions so far this year), the positions on its pre-printed Giấy khen blank,
    the plan's stored PDF, and a sign-in lock."""
    from criteria.models import Indicator
    from criteria.services import indicator_version_record
    from emulation.models import ImportJob
    from emulation.reports import services
    from emulation.scores.services import scores_recompute
    from emulation.tests.conftest import OCTOBER, fill

    alice, bob, sam, ada = personas["alice"], personas["bob"], personas["sam"], personas["ada"]
    report = services.report_open(campaign=campaign, unit=alice.official.unit, month=OCTOBER, actor=alice)
    fill(report, alice)
    with django_capture_on_commit_callbacks(execute=True):
        services.report_transition(report=report, action="submit", actor=alice)
        services.report_transition(report=report, action="accept", actor=sam, appraisals={"1.1": "8,5"})
    scores_recompute(campaign=campaign)
    services.report_urge(campaign=campaign, unit=bob.official.unit, month=OCTOBER, actor=sam)
    ImportJob.objects.create(
        campaign=campaign,
        kind=ImportJob.Kind.LONG,
        file=SimpleUploadedFile("so-lieu-thang-10.xlsx", b"PK\x03\x04"),
        original_name="so-lieu-thang-10.xlsx",
        status=ImportJob.Status.DONE,
        total_rows=30,
        processed_rows=30,
        summary="Đã nhập 30 dòng số liệu của 5 báo cáo.",
        created_by=sam,
    )
    from emulation.initiatives import services as initiatives

    initiative = initiatives.initiative_register(
        campaign=campaign,
        unit=alice.official.unit,
        actor=alice,
        title="Tra cứu hồ sơ đã số hóa trước khi yêu cầu bản giấy",
        problem="Người dân nộp lại giấy tờ đã nộp.",
        solution="Tra cứu kho dữ liệu số hóa trước.",
        authors=[alice.official.pk],
        uploads=[SimpleUploadedFile("thuyet-minh.pdf", b"%PDF-1.4\n%%EOF\n")],
    )
    initiatives.initiative_recognise(
        initiative=initiative, actor=sam, recognised_on=OCTOBER, level="ward", decision_reference="QĐ 45", applied=True
    )
    on_time = Indicator.objects.get(campaign=campaign, code="1.3c")
    on_time.target = 97
    on_time.save()
    indicator_version_record(indicator=on_time, valid_from=OCTOBER, actor=ada)
    from awards.history.services import award_record

    award_record(
        actor=sam,
        official=personas["olga"].official,
        year=2025,
        title="Lao động tiên tiến",
        decision_number="214/QĐ-UBND",
        decision_date="15/12/2025",
        issuer="Chủ tịch UBND phường Nam Gia Nghĩa",
    )
    from awards.decisions.models import DecisionRegister
    from units.selectors import ward_root

    DecisionRegister.objects.create(issuer=ward_root(), series="QĐ-UBND", year=2026, last_number=229)
    from awards.decisions.models import CertificateLayout

    CertificateLayout.objects.create(issuer=ward_root())  # the ward's blank, at the default positions
    from documents.tests.url_rows_documents import plan_document

    plan_document(campaign)
    from axes.models import AccessAttempt

    AccessAttempt.objects.create(  # alice locked out at her office's address (core/security)
        username="alice",
        ip_address="10.1.2.3",
        user_agent="Mozilla/5.0",
        http_accept="text/html",
        path_info="/dang-nhap/",
        failures_since_start=5,
    )
    return campaign


# --- What counts as English on a page ----------------------------------------------------------------


def _msgids() -> set[str]:
    """Every message of Django's admin and account catalogues and of simple-history's pages."""
    django_dir = Path(django.__file__).parent
    sources = [
        django_dir / "contrib/admin/locale/en/LC_MESSAGES/django.po",
        django_dir / "contrib/auth/locale/en/LC_MESSAGES/django.po",
        *Path(simple_history.__file__).parent.glob("locale/*/LC_MESSAGES/django.po"),
    ]
    return {m.msgid for po in sources for m in read_po(po) if m.msgid} | {
        m.msgid_plural for po in sources for m in read_po(po) if m.msgid_plural
    }


_PLACEHOLDER = re.compile(r"%\(\w+\)[sdr]|%[sdr]|\{\w*\}")


def _english_patterns() -> list[tuple[str, re.Pattern]]:
    """A pattern per English message (placeholders match any text), but for those with no English word
    and those the Vietnamese catalogue deliberately keeps as they are ("Email")."""
    catalog = trans_real.DjangoTranslation("vi")._catalog
    patterns = []
    for msgid in sorted(_msgids()):
        text = re.sub(r"<[^>]+>", "", msgid).strip()
        literal = _PLACEHOLDER.sub(" ", text)
        if not re.search(r"[A-Za-z]{2,}", literal) or catalog.get(msgid) == msgid:
            continue
        body = ".+?".join(re.escape(part) for part in _PLACEHOLDER.split(text))
        patterns.append((msgid, re.compile(rf"(?<!\w){body}(?!\w)")))
    # Django's own English, outside its catalogues: permission names as stored ("Can add …"), the name of a
    # many-to-many table's row ("Campaign-unit relationship") and of a model without __str__ ("… object (3)").
    patterns += [(words, re.compile(rf"\b{words}\b")) for words in ("Can add", "Can change", "Can delete", "Can view")]
    patterns += [("relationship", re.compile(r"\brelationships?\b")), ("object (…)", re.compile(r"\bobject \(\d+\)"))]
    return patterns


ENGLISH = _english_patterns()


class _Page(HTMLParser):
    """What a person reads on a page: its text, tooltips, button words and labels, and its headings."""

    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []
        self.labels: list[str] = []
        self._hidden = 0
        self._label: list[str] | None = None

    def handle_starttag(self, tag, attrs) -> None:
        attrs = dict(attrs)
        if tag in ("script", "style"):
            self._hidden += 1
        self.texts += [attrs[name] for name in ("title", "placeholder", "aria-label", "alt") if attrs.get(name)]
        if tag == "input" and attrs.get("type") in ("submit", "button") and attrs.get("value"):
            self.texts.append(attrs["value"])
        if tag in ("th", "label"):
            self._label = []

    def handle_endtag(self, tag) -> None:
        if tag in ("script", "style") and self._hidden:
            self._hidden -= 1
        if tag in ("th", "label") and self._label is not None:
            self.labels.append(" ".join("".join(self._label).split()).rstrip(":").strip())
            self._label = None

    def handle_data(self, data) -> None:
        if not self._hidden:
            self.texts.append(data)
            if self._label is not None:
                self._label.append(data)


def _field_names(model_admin, request, obj) -> set[str]:
    """Every field and column name an admin (and its inlines) shows."""
    names = set(model_admin.get_list_display(request)) | set(model_admin.get_readonly_fields(request, obj))
    names |= set(flatten_fieldsets(model_admin.get_fieldsets(request, obj)))
    for inline in model_admin.get_inline_instances(request, obj):
        names |= set(flatten_fieldsets(inline.get_fieldsets(request, obj))) | set(inline.get_readonly_fields(request))
    return {name for name in names if isinstance(name, str)}


def english_on(html: str, auto_labels: set[str] = frozenset()) -> list[str]:
    """The English a person would read on the page: Django's messages, and headings or labels that are a
    field's English auto-label ("Created by" for created_by: the field lacks a Vietnamese verbose_name)."""
    page = _Page()
    page.feed(html)
    text = "\n".join(" ".join(part.split()) for part in page.texts if part.strip())
    found = [msgid for msgid, pattern in ENGLISH if pattern.search(text)]
    found += [
        f"label “{label}”"
        for label in page.labels
        if any(re.search(rf"(?<!\w){re.escape(auto)}(?!\w)", label, re.IGNORECASE) for auto in auto_labels)
    ]
    return found


# --- The pages ------------------------------------------------------------------------------------------


def _url(model, view: str, *args) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


@pytest.mark.parametrize("model", REGISTERED, ids=lambda model: model._meta.label_lower)
def test_every_admin_page_of_the_model_opens_in_vietnamese(client, admin_data, ada, model):
    model_admin = admin.site._registry[model]
    request = RequestFactory().get("/")
    request.user = ada
    objects = model_admin.get_queryset(request)
    first, last = objects.first(), objects.last()
    assert first is not None, f"the data set (admin_data) has no {model._meta.label}: add one so its pages are opened"
    auto_labels = {pretty_name(name) for name in _field_names(model_admin, request, first)}

    pages = {"list": (_url(model, "changelist"), 200)}
    pages["add"] = (_url(model, "add"), 200 if model_admin.has_add_permission(request) else 403)
    for obj in {first, last}:
        pages[f"change {obj.pk}"] = (_url(model, "change", obj.pk), 200)
        pages[f"history {obj.pk}"] = (_url(model, "history", obj.pk), 200)
    pages["delete"] = (
        _url(model, "delete", first.pk),
        200 if model_admin.has_delete_permission(request, first) else 403,
    )
    if isinstance(model_admin, SimpleHistoryAdmin):
        version = first.history.first()
        assert version is not None, f"{model._meta.label} {first.pk} has no past version to open"
        pages["past version"] = (_url(model, "simple_history", first.pk, version.history_id), 200)

    client.force_login(ada)
    for page, (url, expected) in pages.items():
        response = client.get(url)
        assert response.status_code == expected, f"{page}: {url} answered {response.status_code}"
        if expected == 200:
            english = english_on(response.content.decode(), auto_labels)
            assert not english, f"{page}: {url} shows English: {english}"


def test_the_admin_home_and_app_pages_are_in_vietnamese(client, admin_data, ada):
    client.force_login(ada)
    urls = [reverse("admin:index"), reverse("admin:password_change")]
    urls += [reverse("admin:auth_user_password_change", args=[ada.pk])]
    urls += [reverse("admin:app_list", args=[label]) for label in sorted({m._meta.app_label for m in REGISTERED})]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert not english_on(response.content.decode()), url


def test_the_admin_login_page_is_in_vietnamese(client, db):
    response = client.get(reverse("admin:login"))
    assert response.status_code == 200
    assert not english_on(response.content.decode())
    assert "Đăng nhập" in response.content.decode()


def test_a_refused_form_says_so_in_vietnamese(client, admin_data, ada):
    """The note above a refused form ("Please correct the error below." in Django's catalogue)."""
    from units.models import Unit

    client.force_login(ada)
    response = client.post(_url(Unit, "add"), {"officials-TOTAL_FORMS": 0, "officials-INITIAL_FORMS": 0})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Vui lòng sửa lỗi dưới đây." in page
    assert not english_on(page)


# --- Scores: a composite key, which Django's admin cannot register --------------------------------------


def test_indicator_scores_are_reached_from_their_unit_score_and_link_to_their_explanation(client, admin_data, ada):
    from emulation.models import IndicatorScore, UnitScore
    from units.models import Unit

    vp = Unit.objects.get(code="VP")
    total = UnitScore.objects.get(campaign=admin_data, unit=vp, period=MONTH)
    scores = list(IndicatorScore.objects.filter(campaign=admin_data, unit=vp, period=MONTH).select_related("indicator"))
    assert scores
    client.force_login(ada)
    page = client.get(_url(UnitScore, "change", total.pk)).content.decode()
    for score in scores:
        assert f'href="{score.get_absolute_url()}"' in page, score.indicator.code
    explained = client.get(scores[0].get_absolute_url())
    assert explained.status_code == 200
    assert scores[0].indicator.name in explained.content.decode()


def test_stored_scores_are_shown_but_never_edited_in_the_admin(client, admin_data, ada):
    from emulation.models import UnitScore

    total = UnitScore.objects.filter(campaign=admin_data, period=MONTH).first()
    client.force_login(ada)
    assert client.post(_url(UnitScore, "change", total.pk), {"total": "100"}).status_code == 403
    assert client.post(_url(UnitScore, "delete", total.pk), {"post": "yes"}).status_code == 403
    assert UnitScore.objects.filter(pk=total.pk, total=total.total).exists()


# --- Every model is in the admin, or says why not --------------------------------------------------------

NOT_IN_ADMIN = {
    "core.notification": "a person's own messages, read in the bell; the admin role has no right to them",
    "core.pendingtask": "the task outbox, emptied within a minute by the beat job",
    "units.personaldataaccess": "who saw an official's personal data: shown to that official on their own page",
    "emulation.evidence": "listed with its entry on the report's page, linked to its download",
    "emulation.reportreminder": "a log the beat jobs read to stay idempotent; the matrix shows the urges",
    "emulation.importjob": "each import has its own progress page in the portal",
    "emulation.indicatorscore": "composite primary key (not registrable); listed on its unit score's page",
    # The awards' workflow owns these: each changes only through its steps on the portal's pages, which keep
    # who, when and why; an issued decision is never edited (a new decision revokes).
    "awards.dossier": "changed only by its workflow on the Hồ sơ khen thưởng pages (history kept)",
    "awards.dossiertransition": "the dossier's history, shown on the dossier's page",
    "awards.nominee": "added and removed on the dossier's page, where the unit and duplicates are checked",
    "awards.achievementreport": "written and confirmed on the nominee's report page",
    "awards.unitminutes": "entered on the dossier's minutes page",
    "awards.councilmeeting": "opened, voted and closed on the council's pages",
    "awards.councilmember": "the meeting's attendance, entered on the council's pages",
    "awards.councilvote": "votes entered on the council's sheet",
    "awards.decision": "issued and revoked on the decision pages; never edited",
}


def test_every_model_is_in_the_admin_or_says_why_not():
    from django.apps import apps

    shown = {model._meta.label_lower for model in admin.site._registry}
    for model_admin in admin.site._registry.values():
        shown |= {inline.model._meta.label_lower for inline in model_admin.inlines}
    portal = {
        model._meta.label_lower
        for app in ("core", "units", "criteria", "emulation", "awards")
        for model in apps.get_app_config(app).get_models()
        if not model.__name__.startswith("Historical")
    }
    assert portal - shown - set(NOT_IN_ADMIN) == set(), "register these models, or say in NOT_IN_ADMIN why not"
    assert set(NOT_IN_ADMIN) <= portal, "NOT_IN_ADMIN names a model that no longer exists"
