"""The one way the portal tells people something: an in-app notification plus an e-mail.

Every message has a kind, with its title and body templates, registered by the app that sends it
(kinds_register, from its AppConfig.ready: core imports no app); callers pass the kind, the
recipients and the values the templates need. Never call send_mail elsewhere.
"""

import logging
from collections.abc import Iterable

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db import transaction

from core.models import Notification

log = logging.getLogger(__name__)

KINDS: dict[str, tuple[str, str]] = {}
"""kind → (title, body) str.format templates; filled by the apps that send them (kinds_register)."""


def kinds_register(kinds: dict[str, tuple[str, str]]) -> None:
    """Add an app's message kinds; a kind registered twice with other words is a programming error."""
    for kind, templates in kinds.items():
        if KINDS.get(kind, templates) != templates:
            raise ValueError(f"notification kind {kind!r} registered twice")
        KINDS[kind] = templates


def notify(*, kind: str, recipients: Iterable, url: str = "", **values) -> list[Notification]:
    """Create one notification per active recipient and e-mail those with an address.

    The e-mail leaves after the surrounding transaction commits, so a rolled-back action
    sends nothing. Unknown kinds are a programming error and raise KeyError.
    """
    title_template, body_template = KINDS[kind]
    values.setdefault("reason_line", f" Lý do: {values['reason']}" if values.get("reason") else "")
    title, body = title_template.format(**values), body_template.format(**values)
    people = {user.pk: user for user in recipients if user is not None and user.is_active}
    notes = Notification.objects.bulk_create(
        [Notification(recipient=user, kind=kind, title=title, body=body, url=url) for user in people.values()]
    )
    link = f"{settings.PORTAL_BASE_URL.rstrip('/')}{url}" if url.startswith("/") else url
    mails = [
        (title, f"{body}\n\n{link}" if link else body, settings.DEFAULT_FROM_EMAIL, [user.email])
        for user in people.values()
        if user.email
    ]
    if mails:
        transaction.on_commit(lambda: _send(mails))
    return notes


def _send(mails) -> None:
    try:
        send_mass_mail(mails, fail_silently=False)
    except Exception:  # the in-app notification stands even when the mail server is down
        log.exception("Could not send %d notification e-mails", len(mails))
