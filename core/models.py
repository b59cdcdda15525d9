"""In-app notifications (the bell); core.notifications.notify creates them and sends the e-mail."""

from django.conf import settings
from django.db import models


class Notification(models.Model):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="người nhận", on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField("loại", max_length=40)
    title = models.CharField("tiêu đề", max_length=300)
    body = models.TextField("nội dung", blank=True)
    url = models.CharField("liên kết", max_length=500, blank=True)
    created_at = models.DateTimeField("lúc", auto_now_add=True)
    read_at = models.DateTimeField("đã đọc lúc", null=True, blank=True)

    class Meta:
        verbose_name = "thông báo"
        verbose_name_plural = "thông báo"
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["recipient", "read_at"], name="notification_unread_idx")]

    def __str__(self) -> str:
        return self.title


class PendingTask(models.Model):
    """A task to send to the queue once the transaction that asked for it commits (the outbox).

    Written in that transaction, so work asked for is never lost with a commit nor sent without one;
    deleted once the broker has taken it. A row still here after a short while (the broker was down)
    is sent again by core.tasks.pending_tasks_send; every task sent this way is safe to run twice.
    """

    name = models.CharField("tác vụ", max_length=200)
    args = models.JSONField("tham số", default=list)
    created_at = models.DateTimeField("lúc", auto_now_add=True)
    attempts = models.PositiveIntegerField("số lần gửi không được", default=0)
    last_error = models.CharField("lỗi gần nhất", max_length=500, blank=True)

    class Meta:
        verbose_name = "tác vụ chờ gửi"
        verbose_name_plural = "tác vụ chờ gửi"
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.name}{tuple(self.args)}"
