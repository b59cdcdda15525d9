"""Behind a reverse proxy, the client's address comes from X-Real-IP, and only when a trusted proxy connected."""

import pytest
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory

from core.proxy import ProxyClientAddressMiddleware, client_address


def _seen(settings, trusted, **meta) -> str:
    settings.TRUSTED_PROXIES = trusted
    request = RequestFactory().get("/", **meta)
    ProxyClientAddressMiddleware(lambda r: None)(request)
    return request.META["REMOTE_ADDR"]


@pytest.mark.parametrize(
    ("trusted", "meta", "expected"),
    [
        (["127.0.0.1"], {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_REAL_IP": "203.0.113.7"}, "203.0.113.7"),
        (["10.0.5.0/24"], {"REMOTE_ADDR": "10.0.5.20", "HTTP_X_REAL_IP": "2001:db8::7"}, "2001:db8::7"),
        (["unix"], {"REMOTE_ADDR": "", "HTTP_X_REAL_IP": "203.0.113.7"}, "203.0.113.7"),
        # A client connecting directly cannot name its own address.
        (["127.0.0.1"], {"REMOTE_ADDR": "198.51.100.4", "HTTP_X_REAL_IP": "203.0.113.7"}, "198.51.100.4"),
        (["10.0.5.0/24"], {"REMOTE_ADDR": "10.0.6.1", "HTTP_X_REAL_IP": "203.0.113.7"}, "10.0.6.1"),
        (["127.0.0.1"], {"REMOTE_ADDR": "", "HTTP_X_REAL_IP": "203.0.113.7"}, ""),
        # Nothing trusted (the default): the header means nothing.
        ([], {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_REAL_IP": "203.0.113.7"}, "127.0.0.1"),
        # What is not one address is ignored.
        (["127.0.0.1"], {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_REAL_IP": "203.0.113.7, 10.0.0.1"}, "127.0.0.1"),
        (["127.0.0.1"], {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_REAL_IP": "<script>"}, "127.0.0.1"),
        (["127.0.0.1"], {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_REAL_IP": "1" * 5000}, "127.0.0.1"),
        (["127.0.0.1"], {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_REAL_IP": ""}, "127.0.0.1"),
    ],
)
def test_remote_addr_is_the_reported_client_only_from_a_trusted_proxy(settings, trusted, meta, expected):
    assert _seen(settings, trusted, **meta) == expected


def test_a_mistyped_trusted_proxy_stops_the_app_at_start(settings):
    settings.TRUSTED_PROXIES = ["127.0.0.300"]
    with pytest.raises(ImproperlyConfigured, match="TRUSTED_PROXIES"):
        ProxyClientAddressMiddleware(lambda r: None)
    settings.TRUSTED_PROXIES = ["127.0.0.1", "::1", "unix"]
    ProxyClientAddressMiddleware(lambda r: None)
    assert client_address({"REMOTE_ADDR": "::1", "HTTP_X_REAL_IP": "203.0.113.7"}) == "203.0.113.7"


def test_behind_the_proxy_each_citizen_has_their_own_verification_count(client, settings, db):
    """The public page's rate limit counts per client: behind nginx without this, everyone would share one count."""
    cache.clear()
    settings.VERIFICATION_RATE_PER_MINUTE = 2
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    via_proxy = {"REMOTE_ADDR": "127.0.0.1"}
    first = [client.get("/xac-minh/", {"code": "ABCD"}, HTTP_X_REAL_IP="203.0.113.7", **via_proxy) for _ in range(3)]
    assert [r.status_code for r in first] == [200, 200, 429]
    other = client.get("/xac-minh/", {"code": "ABCD"}, HTTP_X_REAL_IP="203.0.113.8", **via_proxy)
    assert other.status_code == 200, "another citizen behind the same proxy has their own count"
    # A direct client forging the header is counted by its own address: two tries, then refused.
    forged = [
        client.get("/xac-minh/", {"code": "ABCD"}, REMOTE_ADDR="198.51.100.4", HTTP_X_REAL_IP=f"203.0.113.{n}")
        for n in range(20, 23)
    ]
    assert [r.status_code for r in forged] == [200, 200, 429]
