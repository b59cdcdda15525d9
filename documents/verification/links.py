"""The public addresses of a document's verification page."""

from django.conf import settings
from django.urls import reverse


def verification_path(document) -> str:
    return reverse("verification:document", args=[document.token])


def verification_url(document) -> str:
    """The absolute address printed in the QR code: PORTAL_BASE_URL + /xac-minh/<token>/."""
    return settings.PORTAL_BASE_URL.rstrip("/") + verification_path(document)
