"""The permission table: every URL pattern of the project, every persona, the expected answer.

A new URL without a row here fails `test_every_url_pattern_has_a_row`. Statuses: 200 shown,
302 redirected (anonymous visitors go to the login page), 404 not theirs (never "forbidden").
"""

import importlib
from urllib.parse import urlparse

import pytest
from django.contrib import admin
from django.urls import URLPattern, URLResolver, get_resolver, reverse

PERSONAS = ["alice", "bob", "olga", "sam", "chris", "ada"]
ALL = dict.fromkeys(PERSONAS, 200)


def _names(patterns, namespace: str = "") -> set[str]:
    names = set()
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            ns = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            names |= _names(pattern.url_patterns, ns)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(f"{namespace}{pattern.name}")
    return names


# name -> (kwargs from the test context, expected status per persona, expected for an anonymous visitor)
# "login" as the anonymous answer means: a redirect to the login page with ?next=.
TABLE = {
    "core:home": (lambda ctx: {}, ALL, "login"),
    "emulation:campaign-list": (lambda ctx: {}, ALL, "login"),
    "emulation:campaign-detail": (lambda ctx: {"code": ctx["campaign"].code}, ALL, "login"),
    "units:unit-list": (lambda ctx: {}, ALL, "login"),
    "units:unit-detail": (lambda ctx: {"code": "VP"}, ALL, "login"),
    "units:own-profile": (lambda ctx: {}, {**ALL, "ada": 404}, "login"),
    "login": (lambda ctx: {}, dict.fromkeys(PERSONAS, 302), 200),
    "logout": (lambda ctx: {}, dict.fromkeys(PERSONAS, 405), 405),  # sign-out is a POST only
    "password_change": (lambda ctx: {}, ALL, "login"),
    "password_change_done": (lambda ctx: {}, ALL, "login"),
}


# Each feature keeps its rows beside its tests (same shape, plus an optional `context(ctx)` that adds
# the objects its URLs need); they join the table here.
ROW_MODULES = [
    importlib.import_module(name)
    for name in (
        "emulation.tests.url_rows_reports",
        "emulation.tests.url_rows_excel",
        "emulation.tests.url_rows_matrix",
        "emulation.tests.url_rows_scores",
        "core.tests.url_rows_notify",
        "emulation.tests.url_rows_initiatives",
        "awards.tests.url_rows_history",
        "awards.tests.url_rows_dossiers",
        "awards.tests.url_rows_dossier_documents",
        "awards.tests.url_rows_council",
        "awards.tests.url_rows_decisions",
        "awards.tests.url_rows_decision_documents",
        "documents.tests.url_rows_documents",
        "documents.tests.url_rows_verification",
        "core.tests.url_rows_security",
        "core.tests.url_rows_audit",
    )
]
MODULE_OF = {}
for _module in ROW_MODULES:
    TABLE |= _module.ROWS
    MODULE_OF |= dict.fromkeys(_module.ROWS, _module)


@pytest.fixture
def url_ctx(request, personas, campaign) -> dict:
    """The personas, the campaign, and the objects the row's own module asks for (only its module's, so a row
    does not pay for every other feature's set-up)."""
    ctx = {"campaign": campaign, **personas}
    module = MODULE_OF.get(request.node.callspec.params["name"])
    if module is not None and hasattr(module, "context"):
        ctx |= module.context(ctx)
    return ctx


def test_every_url_pattern_has_a_row():
    project = {name for name in _names(get_resolver().url_patterns) if not name.startswith("admin:")}
    assert project == set(TABLE), "add the new URL to the permission table"


def _cases():
    for name, (_, expected, anonymous) in TABLE.items():
        yield pytest.param(name, None, anonymous, id=f"{name}-anonymous")
        for persona, status in expected.items():
            yield pytest.param(name, persona, status, id=f"{name}-{persona}")


@pytest.mark.parametrize(("name", "persona", "expected"), list(_cases()))
def test_url_answers_each_persona(client, url_ctx, name, persona, expected):
    kwargs = TABLE[name][0](url_ctx)
    personas = url_ctx
    url = reverse(name, kwargs=kwargs)
    if persona:
        client.force_login(personas[persona])
    response = client.get(url)
    if expected == "login":
        assert response.status_code == 302
        target = urlparse(response["Location"])
        assert target.path == reverse("login") and "next=" in target.query
    else:
        assert response.status_code == expected


ADMIN_PAGES = ["admin:index"] + [
    f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist" for model in admin.site._registry
]


@pytest.mark.parametrize("name", ADMIN_PAGES)
def test_only_the_admin_role_reaches_the_admin(client, personas, name):
    url = reverse(name)
    for persona in PERSONAS:
        client.force_login(personas[persona])
        response = client.get(url)
        if persona == "ada":
            assert response.status_code == 200, name
        else:
            assert response.status_code == 302 and reverse("admin:login") in response["Location"], persona
    client.logout()
    assert client.get(url).status_code == 302


def test_inactive_campaign_is_hidden_from_units_but_not_from_the_secretariat(client, personas, campaign):
    campaign.is_active = False
    campaign.save()
    url = reverse("emulation:campaign-detail", kwargs={"code": campaign.code})
    for persona, status in {"alice": 404, "olga": 404, "sam": 200, "chris": 200, "ada": 200}.items():
        client.force_login(personas[persona])
        assert client.get(url).status_code == status, persona


def test_unknown_unit_and_campaign_answer_404(client, alice, campaign):
    client.force_login(alice)
    assert client.get(reverse("units:unit-detail", kwargs={"code": "KHONGCO"})).status_code == 404
    assert client.get(reverse("emulation:campaign-detail", kwargs={"code": "khong-co"})).status_code == 404
