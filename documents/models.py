"""The stored file of one official document: which record it shows, in which version, its state, file and hash.

A document points at its record by its kind (documents.registry: the kind knows the model and how to find the
record) and the record's id, not by a foreign key: this app sits below the apps whose records it renders.
"""

import secrets

from django.db import models

CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
"""The short code's letters: no 0/O, 1/I/L look-alikes (32 letters, 5 bits each)."""
CODE_LENGTH = 12


def token_new() -> str:
    """An unguessable token for the public verification page (256 bits)."""
    return secrets.token_urlsafe(32)


def code_new() -> str:
    """The short code a person types on /xac-minh/ (60 bits), printed grouped "7KQ2-M9XD-P4TA"."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


class Document(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", "Đang chờ tạo"
        RENDERING = "rendering", "Đang tạo"
        READY = "ready", "Đã tạo xong"
        FAILED = "failed", "Tạo không được"

    kind = models.CharField("loại văn bản", max_length=100, help_text="Ví dụ emulation.plan (kế hoạch).")
    record_id = models.PositiveBigIntegerField("mã bản ghi", help_text="Bản ghi mà văn bản thể hiện, theo loại.")
    record_version = models.PositiveBigIntegerField(
        "phiên bản bản ghi", null=True, blank=True, help_text="Phiên bản của bản ghi lúc tạo tệp."
    )
    status = models.CharField("trạng thái", max_length=12, choices=Status.choices, default=Status.QUEUED)
    failure = models.TextField("lý do không tạo được", blank=True)
    attempts = models.PositiveSmallIntegerField("số lần tạo", default=0)
    parts_total = models.PositiveIntegerField("số phần", default=0, help_text="Bản in gộp: số văn bản được gộp.")
    parts_done = models.PositiveIntegerField("số phần đã xong", default=0)
    file = models.FileField("tệp PDF", upload_to="documents/%Y/%m/", blank=True)
    sha256 = models.CharField("mã băm SHA-256", max_length=64, blank=True)
    token = models.CharField("mã xác minh", max_length=64, unique=True, default=token_new, editable=False)
    code = models.CharField(
        "mã tra cứu",
        max_length=CODE_LENGTH,
        unique=True,
        default=code_new,
        editable=False,
        help_text="Mã ngắn in trên văn bản, nhập ở trang /xac-minh/.",
    )
    created_at = models.DateTimeField("yêu cầu lúc", auto_now_add=True)
    rendered_at = models.DateTimeField("tạo xong lúc", null=True, blank=True)

    class Meta:
        verbose_name = "văn bản"
        verbose_name_plural = "văn bản"
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["kind", "record_id", "-created_at"], name="document_of_record")]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="ready") | ~models.Q(sha256=""),
                name="document_ready_has_hash",
                violation_error_message="Văn bản đã tạo xong phải có mã băm.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} #{self.record_id} ({self.get_status_display().lower()})"

    @property
    def in_progress(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RENDERING)

    @property
    def code_grouped(self) -> str:
        """The short code in groups of four for reading ("7KQ2-M9XD-P4TA")."""
        return "-".join(self.code[i : i + 4] for i in range(0, len(self.code), 4))

    @property
    def percent(self) -> int:
        """How far a merged print has come (0–100); 0 for a single document."""
        return round(100 * self.parts_done / self.parts_total) if self.parts_total else 0
