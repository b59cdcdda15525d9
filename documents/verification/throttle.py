"""A per-address limit on the public pages (settings.VERIFICATION_RATE_PER_MINUTE requests a minute, counted in
Django's cache, a fixed one-minute window), so tokens and codes cannot be tried in bulk."""

import time

from django.conf import settings
from django.core.cache import cache


def client_address(request) -> str:
    """The connecting address (REMOTE_ADDR; behind a proxy, the proxy must set it to the client's, see README)."""
    return (request.META.get("REMOTE_ADDR") or "unknown")[:64]


def throttled(request, scope: str) -> bool:
    """Count this request; True once the address has made more than the limit in this minute."""
    limit = max(1, int(getattr(settings, "VERIFICATION_RATE_PER_MINUTE", 30)))
    key = f"verification:{scope}:{client_address(request)}:{int(time.time() // 60)}"
    if cache.add(key, 1, timeout=70):
        return False
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=70)
        return False
    return count > limit
