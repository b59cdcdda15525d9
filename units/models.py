"""The organisation: the ward and its phòng/đơn vị, positions and officials."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords


class Unit(models.Model):
    class Kind(models.TextChoices):
        WARD = "ward", "UBND phường"
        OFFICE = "office", "Văn phòng"
        DEPARTMENT = "department", "Phòng chuyên môn"
        CENTRE = "centre", "Trung tâm"
        OTHER = "other", "Đơn vị khác"

    code = models.CharField(
        "mã đơn vị",
        max_length=20,
        unique=True,
        help_text="Mã ngắn dùng khi nhập, xuất số liệu, ví dụ VP, VHXH.",
        error_messages={"unique": "Đã có đơn vị khác dùng mã này."},
    )
    name = models.CharField("tên đơn vị", max_length=255)
    short_name = models.CharField("tên viết tắt", max_length=100)
    kind = models.CharField("loại", max_length=20, choices=Kind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name="đơn vị cấp trên",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    order = models.PositiveSmallIntegerField("thứ tự", default=0)
    is_active = models.BooleanField("đang hoạt động", default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "phòng/đơn vị"
        verbose_name_plural = "phòng/đơn vị"
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name

    def ancestors(self) -> list["Unit"]:
        """From the parent up to the root; stops if the chain loops (possible before clean())."""
        chain, seen, node = [], {self.pk}, self.parent
        while node is not None and node.pk not in seen:
            chain.append(node)
            seen.add(node.pk)
            node = node.parent
        return chain

    def clean(self) -> None:
        super().clean()
        if self.parent_id is None:
            return
        if self.pk is not None and (self.parent_id == self.pk or any(u.pk == self.pk for u in self.parent.ancestors())):
            raise ValidationError(
                {"parent": "Không thể chọn chính đơn vị này hoặc một đơn vị cấp dưới của nó làm đơn vị cấp trên."}
            )


class Position(models.Model):
    name = models.CharField("chức vụ", max_length=150, unique=True, error_messages={"unique": "Chức vụ này đã có."})
    in_charge_of_cchc = models.BooleanField(
        "phụ trách công tác CCHC",
        default=False,
        help_text="Người giữ chức vụ này trực tiếp tham mưu, chỉ đạo, thực hiện công tác CCHC.",
    )
    order = models.PositiveSmallIntegerField("thứ tự", default=0)

    class Meta:
        verbose_name = "chức vụ"
        verbose_name_plural = "chức vụ"
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class Official(models.Model):
    class Sex(models.TextChoices):
        MALE = "M", "Nam"
        FEMALE = "F", "Nữ"

    class Leadership(models.TextChoices):
        NONE = "", "—"
        HEAD = "head", "Thủ trưởng"
        DEPUTY = "deputy", "Cấp phó"

    full_name = models.CharField("họ và tên", max_length=150)
    sex = models.CharField("giới tính", max_length=1, choices=Sex.choices)
    birth_date = models.DateField("ngày sinh", null=True, blank=True)
    position = models.ForeignKey(Position, verbose_name="chức vụ", on_delete=models.PROTECT)
    unit = models.ForeignKey(Unit, verbose_name="đơn vị", on_delete=models.PROTECT, related_name="officials")
    leadership = models.CharField(
        "vai trò lãnh đạo đơn vị", max_length=10, choices=Leadership.choices, blank=True, default=""
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name="tài khoản",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="official",
    )
    is_active = models.BooleanField("đang công tác", default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "cán bộ, công chức"
        verbose_name_plural = "cán bộ, công chức"
        ordering = ["unit__order", "position__order", "full_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit"],
                condition=Q(leadership="head", is_active=True),
                name="one_active_head_per_unit",
                violation_error_message="Đơn vị này đã có thủ trưởng; mỗi đơn vị chỉ có một thủ trưởng.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.full_name} ({self.position})"

    @property
    def leads_unit(self) -> bool:
        return self.is_active and self.leadership in (self.Leadership.HEAD, self.Leadership.DEPUTY)


class PersonalDataAccess(models.Model):
    """Someone read or exported an official's personal data (DOMAIN.md §7): who, whose, what, from which page,
    when. Written only by units.privacy.personal_data_seen; holds none of the personal data itself."""

    class Action(models.TextChoices):
        VIEW = "view", "xem hồ sơ"
        EXPORT = "export", "xuất danh sách"
        REPORT_PDF = "report_pdf", "tải Mẫu 03"

    official = models.ForeignKey(
        Official, verbose_name="cán bộ, công chức", on_delete=models.CASCADE, related_name="personal_data_accesses"
    )
    viewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="người xem", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    viewer_name = models.CharField("người xem", max_length=150)
    """The viewer's name as it was (the account may be renamed or removed later)."""
    action = models.CharField("việc", max_length=20, choices=Action.choices)
    page = models.CharField("trang", max_length=200)
    path = models.CharField("đường dẫn", max_length=300, blank=True)
    count = models.PositiveIntegerField("số cán bộ trong lần xem/xuất", default=1)
    at = models.DateTimeField("lúc", auto_now_add=True)

    class Meta:
        verbose_name = "lượt xem dữ liệu cá nhân"
        verbose_name_plural = "lượt xem dữ liệu cá nhân"
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["official", "-at", "-id"], name="personal_access_newest")]

    def __str__(self) -> str:
        return f"{self.viewer_name} — {self.get_action_display()} — {self.official.full_name}"
