"""The ward's emulation and commendation council (Hội đồng TĐKT phường) meeting on a campaign's dossiers:
who sat, who was absent and why, and each nominee's yes and no votes (written votes of absent members
included). A nominee passes with yes votes over the pass share of ALL members, at a meeting with its
quorum (awards.catalogue.rules); the meeting keeps the rules it applied.
"""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from awards.dossiers.models import MEMBERS_MAX, NOTE_MAX, Nominee
from core.versions import version_field


class CouncilMeeting(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", "Đang họp, nhập phiếu"
        CLOSED = "closed", "Đã kết thúc"

    campaign = models.ForeignKey(
        "emulation.Campaign", verbose_name="phong trào", on_delete=models.PROTECT, related_name="council_meetings"
    )
    held_on = models.DateField("ngày họp")
    place = models.CharField("địa điểm", max_length=255)
    chair_name = models.CharField("chủ trì", max_length=150)
    secretary_name = models.CharField("thư ký", max_length=150)
    members_total = models.PositiveSmallIntegerField("tổng số thành viên Hội đồng")
    members_present = models.PositiveSmallIntegerField("số thành viên có mặt", null=True, blank=True)
    secret_ballot = models.BooleanField("bỏ phiếu kín", default=True)
    ballots_issued = models.PositiveSmallIntegerField("số phiếu phát ra", null=True, blank=True)
    ballots_valid = models.PositiveSmallIntegerField("số phiếu hợp lệ", null=True, blank=True)
    status = models.CharField("trạng thái", max_length=8, choices=Status.choices, default=Status.OPEN)
    rules = models.JSONField("quy định áp dụng", default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="người lập", on_delete=models.PROTECT, related_name="+"
    )
    closed_at = models.DateTimeField("kết thúc lúc", null=True, blank=True)
    version = version_field(
        "Tăng mỗi lần danh sách thành viên, số phiếu hay trạng thái đổi: lưu dựa trên phiên bản cũ bị từ chối."
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "phiên họp Hội đồng TĐKT phường"
        verbose_name_plural = "phiên họp Hội đồng TĐKT phường"
        ordering = ["campaign", "-held_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(members_total__gte=1, members_total__lte=MEMBERS_MAX)
                & (models.Q(members_present__isnull=True) | models.Q(members_present__lte=models.F("members_total"))),
                name="council_members_bounded",
                violation_error_message="Số thành viên có mặt không được lớn hơn tổng số (tối đa 500).",
            ),
        ]

    def __str__(self) -> str:
        return f"Họp Hội đồng ngày {self.held_on:%d/%m/%Y}"


class CouncilMember(models.Model):
    """A member's attendance: present, or absent with the reason and whether they voted in writing."""

    meeting = models.ForeignKey(
        CouncilMeeting, verbose_name="phiên họp", on_delete=models.CASCADE, related_name="members"
    )
    name = models.CharField("họ và tên", max_length=150)
    role = models.CharField("chức danh trong Hội đồng", max_length=150, blank=True)
    present = models.BooleanField("có mặt", default=True)
    absent_reason = models.CharField("lý do vắng", max_length=NOTE_MAX, blank=True)
    voted_in_writing = models.BooleanField("gửi phiếu bằng văn bản", default=False)
    order = models.PositiveSmallIntegerField("thứ tự", default=0)

    class Meta:
        verbose_name = "thành viên dự họp"
        verbose_name_plural = "thành viên dự họp"
        ordering = ["meeting", "order", "pk"]

    def __str__(self) -> str:
        return self.name


class CouncilVote(models.Model):
    """One nominee's tally at the meeting (present members' ballots and absent members' written votes)."""

    meeting = models.ForeignKey(
        CouncilMeeting, verbose_name="phiên họp", on_delete=models.CASCADE, related_name="votes"
    )
    nominee = models.ForeignKey(
        Nominee, verbose_name="người được đề nghị", on_delete=models.CASCADE, related_name="council_votes"
    )
    yes = models.PositiveSmallIntegerField("đồng ý")
    no = models.PositiveSmallIntegerField("không đồng ý")
    passed = models.BooleanField("được đề nghị", default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "kết quả bỏ phiếu"
        verbose_name_plural = "kết quả bỏ phiếu"
        constraints = [
            models.UniqueConstraint(fields=["meeting", "nominee"], name="one_tally_per_nominee_and_meeting"),
            models.CheckConstraint(
                condition=models.Q(yes__lte=MEMBERS_MAX) & models.Q(no__lte=MEMBERS_MAX),
                name="council_votes_bounded",
                violation_error_message="Số phiếu vượt giới hạn.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.nominee}: {self.yes}/{self.no}"
