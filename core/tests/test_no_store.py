"""`Cache-Control: no-store` on every page answered to a signed-in person and on every download; pages that chose
their own caching keep it, anonymous pages and static files are left alone."""

import pytest
from django.http import HttpResponse
from django.templatetags.static import static
from django.test import RequestFactory
from django.urls import reverse

from core.security.middleware import NoStoreMiddleware
from documents.tests.url_rows_documents import plan_document
from emulation.tests import url_rows_reports


@pytest.fixture
def records(personas, campaign) -> dict:
    return {"campaign": campaign, **personas, **url_rows_reports.context({"campaign": campaign, **personas})}


def _pages(ctx) -> list[str]:
    code = ctx["campaign"].code
    return [
        reverse("core:home"),
        reverse("core:notification-list"),
        reverse("emulation:campaign-list"),
        reverse("emulation:campaign-detail", kwargs={"code": code}),
        reverse("emulation:score-overview", kwargs={"code": code}),
        reverse("units:unit-list"),
        reverse("units:unit-detail", kwargs={"code": "VP"}),
        reverse("units:own-profile"),
        reverse("password_change"),
        reverse("emulation:evidence-download", kwargs={"pk": ctx["evidence_vp"].pk}),
        reverse("documents:document-download", kwargs={"pk": plan_document(ctx["campaign"]).pk}),
    ]


def test_signed_in_pages_and_downloads_are_not_stored(client, records):
    client.force_login(records["alice"])
    for url in _pages(records):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "no-store" in response["Cache-Control"], url
    downloads = [client.get(url) for url in _pages(records)[-2:]]
    assert all(r["Content-Disposition"].startswith("attachment") for r in downloads)


def test_the_admin_is_not_stored(client, ada):
    client.force_login(ada)
    for url in (reverse("admin:index"), reverse("admin:auth_user_changelist")):
        assert "no-store" in client.get(url)["Cache-Control"], url


def test_anonymous_pages_are_left_to_their_views(client, db):
    login = client.get(reverse("login"))
    assert "no-store" in login["Cache-Control"]  # Django's own never_cache on the login page
    assert not client.get(reverse("password_reset")).has_header("Cache-Control")


def test_a_view_s_own_caching_is_kept_and_an_anonymous_download_is_not_stored(rf: RequestFactory, alice):
    from django.contrib.auth.models import AnonymousUser

    def view(response):
        return NoStoreMiddleware(lambda request: response)

    signed_in, anonymous = rf.get("/"), rf.get("/")
    signed_in.user, anonymous.user = alice, AnonymousUser()
    chosen = HttpResponse()
    chosen["Cache-Control"] = "max-age=60"
    assert view(chosen)(signed_in)["Cache-Control"] == "max-age=60"
    download = HttpResponse(headers={"Content-Disposition": 'attachment; filename="a.csv"'})
    assert view(download)(anonymous)["Cache-Control"] == "no-store"
    assert not view(HttpResponse())(anonymous).has_header("Cache-Control")


def test_static_files_keep_their_caching(client, alice, settings):
    settings.WHITENOISE_USE_FINDERS = True
    settings.WHITENOISE_AUTOREFRESH = True
    client.force_login(alice)
    response = client.get(static("css/admin.css"))
    assert response.status_code == 200
    assert "no-store" not in response["Cache-Control"]
