"""The decisions wing in the admin (registered here, imported by awards/admin.py).

Only the number registers: a ward that issued decisions on paper before it used the portal sets the last number
it used this year, so the portal's next one follows it (never a number reused or skipped). A register never
goes below a number the portal has already issued. Decisions themselves are issued and revoked on the portal's
pages and never edited."""

from django import forms
from django.contrib import admin
from django.db.models import Max
from django.urls import reverse
from django.utils.html import format_html

from awards.decisions.models import SHEET_HEIGHT_MM, SHEET_WIDTH_MM, CertificateLayout, Decision, DecisionRegister
from core.numbers import NumberInvalid, parse_decimal


class DecisionRegisterForm(forms.ModelForm):
    class Meta:
        model = DecisionRegister
        fields = ["issuer", "series", "year", "last_number"]

    def clean(self):
        data = super().clean()
        issuer, series, year = data.get("issuer"), data.get("series"), data.get("year")
        last = data.get("last_number")
        if None in (issuer, series, year, last):
            return data
        if not 2000 <= year <= 2100:
            self.add_error("year", "Năm phải từ 2000 đến 2100.")
        if last > 99999:
            self.add_error("last_number", "Số không được lớn hơn 99999.")
        if series == Decision._meta.get_field("series").default:
            used = (
                Decision.objects.filter(issuer=issuer, series=series, year=year).aggregate(top=Max("number"))["top"]
                or 0
            )
            if last < used:
                self.add_error(
                    "last_number",
                    f"Cổng đã ban hành đến Quyết định số {used}/{series} năm {year}: không lùi số về {last} "
                    "(một số không được dùng hai lần).",
                )
        return data


@admin.register(DecisionRegister)
class DecisionRegisterAdmin(admin.ModelAdmin):
    form = DecisionRegisterForm
    list_display = ["issuer", "series", "year", "last_number"]
    list_filter = ["year", "series"]
    list_select_related = ["issuer"]

    def has_delete_permission(self, request, obj=None):
        return False  # deleting a register would restart its numbers at 1


class MmField(forms.Field):
    """A position in milimét as a clerk types it ("92", "92,5" or "92.5"): one decimal, from 0 to `bound`."""

    def __init__(self, *, bound: int, **kwargs):
        self.bound = bound
        super().__init__(widget=forms.TextInput(attrs={"maxlength": 12, "inputmode": "decimal"}), **kwargs)

    def to_python(self, value):
        text = str(value or "").strip()
        if len(text) > 12:
            raise forms.ValidationError(f"Quá dài: ghi số milimét, từ 0 đến {self.bound}.")
        try:
            number = parse_decimal(text, places=1, maximum=self.bound, label=self.label)
        except NumberInvalid as exc:
            raise forms.ValidationError(str(exc)) from None
        if number is None:
            raise forms.ValidationError("Cần ghi số milimét.")
        return number


class CertificateLayoutForm(forms.ModelForm):
    class Meta:
        model = CertificateLayout
        fields = ["issuer", *(f"{n}_{a}" for n in CertificateLayout.FIELDS for a in ("x", "y", "width"))]
        fields += ["font_size", "recipient_size"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in CertificateLayout.FIELDS:
            for axis in ("x", "y", "width"):
                key = f"{name}_{axis}"
                bound = SHEET_HEIGHT_MM if axis == "y" else SHEET_WIDTH_MM
                field = self.fields[key]
                self.fields[key] = MmField(bound=bound, label=field.label, help_text=field.help_text)


@admin.register(CertificateLayout)
class CertificateLayoutAdmin(admin.ModelAdmin):
    form = CertificateLayoutForm
    """Where each text prints on the ward's pre-printed Giấy khen blank (mm from the top left corner); the link
    makes a test print of the saved positions to hold against a blank."""

    list_display = ["issuer", "updated_at", "test_print"]
    list_select_related = ["issuer"]
    readonly_fields = ["test_print"]

    @admin.display(description="In thử")
    def test_print(self, obj):
        if obj is None or obj.pk is None:
            return "Lưu trước, rồi in thử."
        url = reverse("awards:certificate-test-print", args=[obj.pk])
        return format_html('<a href="{}">In thử vị trí (PDF, khung và thước 10 mm)</a>', url)
