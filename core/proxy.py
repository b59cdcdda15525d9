"""The client's address behind a reverse proxy (docs/DEPLOY.md).

Gunicorn sets REMOTE_ADDR to whoever connected: behind nginx, the proxy. Whatever counts per client address (the
verification pages' rate limit, the login lock-out) would then count every citizen as one. When the connecting
peer is one of settings.TRUSTED_PROXIES, REMOTE_ADDR becomes the address the proxy wrote in X-Real-IP; from any
other peer the header is ignored, so a client cannot choose its own address.
"""

import ipaddress
from collections.abc import Callable
from functools import lru_cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest, HttpResponse

HEADER = "HTTP_X_REAL_IP"
HEADER_MAX = 64
UNIX = "unix"
"""The entry of TRUSTED_PROXIES that trusts a connection on a Unix socket (gunicorn gives it no address)."""


@lru_cache(maxsize=8)
def _networks(entries: tuple[str, ...]) -> tuple[tuple, bool]:
    networks, unix = [], False
    for entry in entries:
        entry = entry.strip()
        if entry == UNIX:
            unix = True
        elif entry:
            networks.append(ipaddress.ip_network(entry, strict=False))
    return tuple(networks), unix


def _address(value: str):
    try:
        return ipaddress.ip_address(value.strip())
    except ValueError:
        return None


def peer_trusted(peer: str, entries: tuple[str, ...]) -> bool:
    """Whether the connecting peer (REMOTE_ADDR as gunicorn set it) is one of the trusted proxies."""
    networks, unix = _networks(entries)
    if not peer:
        return unix
    address = _address(peer[:HEADER_MAX])
    return address is not None and any(address.version == n.version and address in n for n in networks)


def _entries() -> tuple[str, ...]:
    return tuple(getattr(settings, "TRUSTED_PROXIES", ()))


def client_address(meta: dict) -> str | None:
    """The client's address the trusted proxy reported, or None to keep REMOTE_ADDR as it is."""
    entries = _entries()
    if not entries or not peer_trusted(meta.get("REMOTE_ADDR") or "", entries):
        return None
    reported = meta.get(HEADER) or ""
    if len(reported) > HEADER_MAX:
        return None
    address = _address(reported)
    return str(address) if address is not None else None


class ProxyClientAddressMiddleware:
    """Put the client's address in REMOTE_ADDR when a trusted proxy reports it (first in MIDDLEWARE)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response
        try:  # a mistyped entry stops the app at start, not at every request
            _networks(_entries())
        except ValueError as exc:
            raise ImproperlyConfigured(f"TRUSTED_PROXIES: {exc}") from exc

    def __call__(self, request: HttpRequest) -> HttpResponse:
        address = client_address(request.META)
        if address is not None:
            request.META["REMOTE_ADDR"] = address
        return self.get_response(request)
