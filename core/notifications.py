"""The one way the portal tells people something: an in-app notification plus an e-mail.

Every message has a kind listed in KINDS, with its title and body templates; callers pass
the kind, the recipients and the values the templates need. Never call send_mail elsewhere.
"""

import logging
from collections.abc import Iterable

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db import transaction

from core.models import Notification

log = logging.getLogger(__name__)

KINDS: dict[str, tuple[str, str]] = {
    # kind: (title, body) — str.format templates.
    "report_submitted": (
        "{unit} đã gửi báo cáo tháng {month}",
        "{actor} đã gửi báo cáo số liệu tháng {month} của {unit}. Vui lòng xem xét.",
    ),
    "report_withdrawn": (
        "{unit} đã rút lại báo cáo tháng {month}",
        "{actor} đã rút lại báo cáo tháng {month} để sửa.{reason_line}",
    ),
    "report_accepted": (
        "Báo cáo tháng {month} đã được chấp nhận",
        "{actor} đã chấp nhận báo cáo số liệu tháng {month} của {unit}.",
    ),
    "report_returned": (
        "Báo cáo tháng {month} bị trả lại",
        "{actor} đã trả lại báo cáo tháng {month} của {unit}.{reason_line}",
    ),
    "report_reopened": (
        "Báo cáo tháng {month} được mở lại để sửa",
        "{actor} đã mở lại báo cáo tháng {month} của {unit}.{reason_line}",
    ),
    "report_due_soon": (
        "Sắp đến hạn nộp báo cáo tháng {month}",
        "Báo cáo số liệu tháng {month} của {unit} cần gửi chậm nhất ngày {deadline}.",
    ),
    "report_urged": (
        "Đôn đốc nộp báo cáo tháng {month}",
        "{actor} đề nghị {unit} hoàn thành và gửi báo cáo số liệu tháng {month} (hạn {deadline}).",
    ),
    "reports_late": (
        "{count} đơn vị chưa nộp báo cáo tháng {month}",
        "Quá hạn {deadline}, các đơn vị chưa gửi báo cáo: {units}.",
    ),
    "import_finished": ("Nhập số liệu từ {file}: {result}", "{summary}"),
}


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
