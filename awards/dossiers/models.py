"""A unit's award dossier (hồ sơ đề nghị khen thưởng) for a campaign and an award form: its nominees (the
unit itself, officials of the unit), each nominee's achievement report (Mẫu 02 / Mẫu 03), and the unit
council's minutes. Its states are the workflow table of awards.dossiers.workflow.
"""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from awards.catalogue.models import AwardForm
from core.versions import version_field

NAME_MAX, TEXT_MAX, NOTE_MAX = 300, 10000, 2000
MEMBERS_MAX = 500


class DossierStatus(models.TextChoices):
    # Values apart from other workflows' (core.workflow.state_colour reads any state by its value).
    DRAFT = "d_draft", "Đang soạn"
    SUBMITTED = "d_submitted", "Đã gửi, chờ xem xét"
    RETURNED = "d_returned", "Bị trả lại"
    ACCEPTED = "d_accepted", "Đã tiếp nhận, chờ Hội đồng"
    VOTED = "voted", "Hội đồng đã xét"
    PROPOSED = "proposed", "Đã trình Chủ tịch"
    REVIEWED = "reviewed", "Chủ tịch đã duyệt"
    FORWARDED = "forwarded", "Đã đề nghị lên tỉnh"
    DECIDED = "decided", "Đã có quyết định"


class Dossier(models.Model):
    campaign = models.ForeignKey(
        "emulation.Campaign", verbose_name="phong trào", on_delete=models.PROTECT, related_name="dossiers"
    )
    unit = models.ForeignKey(
        "units.Unit", verbose_name="đơn vị trình", on_delete=models.PROTECT, related_name="dossiers"
    )
    award_form = models.ForeignKey(
        AwardForm, verbose_name="hình thức khen thưởng", on_delete=models.PROTECT, related_name="dossiers"
    )
    status = models.CharField("trạng thái", max_length=12, choices=DossierStatus.choices, default=DossierStatus.DRAFT)
    period_start = models.DateField("thành tích từ ngày")
    period_end = models.DateField("thành tích đến ngày")
    letter_number = models.CharField(
        "số tờ trình của đơn vị", max_length=50, blank=True, help_text="Ví dụ: 12/TTr-VP (để trống nếu chưa có)."
    )
    submitted_at = models.DateTimeField("gửi lúc", null=True, blank=True)
    province_decision_number = models.CharField("số quyết định của tỉnh", max_length=50, blank=True)
    province_decision_date = models.DateField("ngày quyết định của tỉnh", null=True, blank=True)
    rules = models.JSONField("quy định áp dụng (lưu khi gửi)", default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="người lập", on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField("lập lúc", auto_now_add=True)
    version = version_field("Tăng mỗi lần hồ sơ đổi: lưu dựa trên phiên bản cũ bị từ chối.")
    history = HistoricalRecords()

    class Meta:
        verbose_name = "hồ sơ đề nghị khen thưởng"
        verbose_name_plural = "hồ sơ đề nghị khen thưởng"
        ordering = ["campaign", "award_form__order", "unit__order"]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "unit", "award_form"],
                name="one_dossier_per_unit_form",
                violation_error_message="Đơn vị đã có hồ sơ đề nghị hình thức này trong phong trào.",
            ),
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")),
                name="dossier_period_ordered",
                violation_error_message="Thời gian thành tích: ngày kết thúc phải sau ngày bắt đầu.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit.short_name} — {self.award_form.name}"


class Nominee(models.Model):
    class Kind(models.TextChoices):
        COLLECTIVE = "collective", "Tập thể"
        INDIVIDUAL = "individual", "Cá nhân"

    class Discipline(models.TextChoices):
        UNSTATED = "", "Chưa xác nhận"
        CLEAR = "clear", "Không bị kỷ luật, không đang bị xem xét"
        DISCIPLINED = "disciplined", "Đang trong thời gian bị kỷ luật"
        INVESTIGATED = "investigated", "Đang bị điều tra, thanh tra, kiểm tra"
        COMPLAINT = "complaint", "Có đơn thư khiếu nại, tố cáo đang xem xét"

    class Approval(models.TextChoices):
        PENDING = "", "Chưa duyệt"
        APPROVED = "approved", "Đồng ý"
        REJECTED = "rejected", "Không đồng ý"

    dossier = models.ForeignKey(Dossier, verbose_name="hồ sơ", on_delete=models.CASCADE, related_name="nominees")
    kind = models.CharField("đối tượng", max_length=12, choices=Kind.choices)
    unit = models.ForeignKey("units.Unit", verbose_name="đơn vị", on_delete=models.PROTECT, related_name="+")
    official = models.ForeignKey(
        "units.Official",
        verbose_name="cán bộ, công chức",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="nominations",
    )
    name = models.CharField("tên", max_length=NAME_MAX)
    position = models.CharField("chức vụ", max_length=150, blank=True)
    unit_name = models.CharField("đơn vị", max_length=255)
    order = models.PositiveSmallIntegerField("thứ tự", default=0)
    # The unit head's attestation of administrative discipline (standard "administrative-discipline").
    discipline = models.CharField(
        "kỷ luật, kỷ cương hành chính", max_length=12, choices=Discipline.choices, blank=True, default=""
    )
    discipline_until = models.DateField(
        "hết thời gian kỷ luật gần nhất",
        null=True,
        blank=True,
        help_text="Sau kỷ luật, thành tích được tính từ ngày này.",
    )
    discipline_note = models.CharField("ghi chú về kỷ luật", max_length=NOTE_MAX, blank=True)
    discipline_attested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người xác nhận",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    discipline_attested_at = models.DateTimeField("xác nhận lúc", null=True, blank=True)
    # The unit council's vote (the minutes).
    unit_yes = models.PositiveSmallIntegerField("phiếu đồng ý (đơn vị)", null=True, blank=True)
    unit_no = models.PositiveSmallIntegerField("phiếu không đồng ý (đơn vị)", null=True, blank=True)
    return_reason = models.TextField("lý do trả lại", blank=True, max_length=NOTE_MAX)
    # The ward council's result, written when its meeting closes (awards.council).
    council_passed = models.BooleanField("Hội đồng phường đề nghị", null=True, blank=True)
    # The chairman's review.
    approval = models.CharField("Chủ tịch duyệt", max_length=10, choices=Approval.choices, blank=True, default="")
    approval_reason = models.TextField("lý do", blank=True, max_length=NOTE_MAX)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người duyệt",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    approved_at = models.DateTimeField("duyệt lúc", null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "người được đề nghị"
        verbose_name_plural = "người được đề nghị"
        ordering = ["dossier", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["dossier", "official"],
                condition=models.Q(official__isnull=False),
                name="one_nomination_per_official_in_dossier",
                violation_error_message="Cán bộ này đã có trong hồ sơ.",
            ),
            models.UniqueConstraint(
                fields=["dossier"],
                condition=models.Q(kind="collective"),
                name="one_collective_per_dossier",
                violation_error_message="Hồ sơ đã có tập thể được đề nghị.",
            ),
            models.CheckConstraint(
                condition=models.Q(kind="collective", official__isnull=True)
                | models.Q(kind="individual", official__isnull=False),
                name="nominee_kind_matches_record",
                violation_error_message="Cá nhân được chọn từ hồ sơ cán bộ; tập thể là đơn vị.",
            ),
            models.CheckConstraint(
                condition=models.Q(unit_yes__lte=MEMBERS_MAX) & models.Q(unit_no__lte=MEMBERS_MAX),
                name="nominee_unit_votes_bounded",
                violation_error_message="Số phiếu vượt giới hạn.",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class AchievementReport(models.Model):
    """A nominee's báo cáo thành tích, written in the portal after Mẫu 02 (collective) or Mẫu 03 (individual).

    The sections from data (scores against targets, initiatives, awards received) are drawn when shown and
    frozen into `prefilled` when the unit head confirms; the narrative is the nominee's or the unit's. Only
    the personal fields Mẫu 03 needs are collected (DOMAIN.md §7).
    """

    nominee = models.OneToOneField(
        Nominee, verbose_name="người được đề nghị", on_delete=models.CASCADE, related_name="report"
    )
    situation = models.TextField("I. Đặc điểm, tình hình / sơ lược quá trình công tác", blank=True, max_length=TEXT_MAX)
    duties = models.TextField("Chức năng, nhiệm vụ được giao", blank=True, max_length=TEXT_MAX)
    achievements = models.TextField("II. Thành tích đạt được", blank=True, max_length=TEXT_MAX)
    measures = models.TextField("Biện pháp, giải pháp; bài học kinh nghiệm", blank=True, max_length=TEXT_MAX)
    # Mẫu 03's short CV, for individuals only (sex and birth date come from the official record).
    ethnicity = models.CharField("dân tộc", max_length=50, blank=True)
    hometown = models.CharField("quê quán", max_length=255, blank=True)
    residence = models.CharField("nơi thường trú", max_length=255, blank=True)
    qualifications = models.CharField("trình độ chuyên môn, lý luận chính trị", max_length=500, blank=True)
    prefilled = models.JSONField("số liệu từ hệ thống (lưu khi xác nhận)", default=dict, blank=True)
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người viết",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="thủ trưởng xác nhận",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    confirmed_at = models.DateTimeField("xác nhận lúc", null=True, blank=True)
    version = version_field("Tăng mỗi lần sửa: một trang mở trước lần sửa của người khác không ghi đè được.")
    history = HistoricalRecords()

    class Meta:
        verbose_name = "báo cáo thành tích"
        verbose_name_plural = "báo cáo thành tích"

    def __str__(self) -> str:
        return f"Báo cáo thành tích — {self.nominee}"

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None


class UnitMinutes(models.Model):
    """The unit council's biên bản: who met, where, and (on each nominee) the votes."""

    dossier = models.OneToOneField(Dossier, verbose_name="hồ sơ", on_delete=models.CASCADE, related_name="minutes")
    held_on = models.DateField("ngày họp")
    place = models.CharField("địa điểm", max_length=255)
    members_total = models.PositiveSmallIntegerField("tổng số thành viên")
    members_present = models.PositiveSmallIntegerField("số thành viên có mặt")
    absent_note = models.TextField("vắng mặt, lý do", blank=True, max_length=NOTE_MAX)
    secret_ballot = models.BooleanField("bỏ phiếu kín", default=True)
    chair_name = models.CharField("chủ trì", max_length=150)
    secretary_name = models.CharField("thư ký", max_length=150)
    version = version_field(
        "Tăng mỗi lần biên bản hay số phiếu đổi: một trang mở trước lần lưu của người khác không ghi đè được."
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "biên bản họp Hội đồng đơn vị"
        verbose_name_plural = "biên bản họp Hội đồng đơn vị"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(members_present__lte=models.F("members_total"))
                & models.Q(members_total__gte=1, members_total__lte=MEMBERS_MAX),
                name="minutes_members_bounded",
                violation_error_message="Số thành viên có mặt không được lớn hơn tổng số thành viên.",
            ),
        ]

    def __str__(self) -> str:
        return f"Biên bản {self.dossier} ngày {self.held_on:%d/%m/%Y}"


class DossierTransition(models.Model):
    """Who moved a dossier from which state to which, when and why."""

    dossier = models.ForeignKey(Dossier, verbose_name="hồ sơ", on_delete=models.CASCADE, related_name="transitions")
    action = models.CharField("thao tác", max_length=20)
    from_status = models.CharField("từ", max_length=12, choices=DossierStatus.choices)
    to_status = models.CharField("sang", max_length=12, choices=DossierStatus.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="người thực hiện", on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField("lúc", auto_now_add=True)
    reason = models.TextField("lý do", blank=True, max_length=2000)

    class Meta:
        verbose_name = "lịch sử xử lý hồ sơ"
        verbose_name_plural = "lịch sử xử lý hồ sơ"
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.dossier}: {self.from_status} → {self.to_status}"
