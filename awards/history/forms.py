"""Forms of the award history pages: the entry of an award from before the portal, and the search.

The entry form only carries what was typed: the service (services.award_record) reads and checks every field,
so the page, the import and the admin answer the same rules with the same words.
"""

from django import forms
from django.utils import timezone

from awards.history.checks import FIELD_LABELS, FIRST_YEAR, ISSUER_MAX, NUMBER_MAX, TITLE_MAX
from awards.history.models import Award
from core.numbers import NumberInvalid, parse_count

DATE_ATTRS = {"placeholder": "dd/mm/yyyy", "inputmode": "numeric", "autocomplete": "off"}


def _text(name: str, max_length: int, **attrs) -> forms.CharField:
    return forms.CharField(
        label=FIELD_LABELS[name],
        required=False,
        widget=forms.TextInput(attrs={"maxlength": max_length, **attrs}),
    )


class AwardEntryForm(forms.Form):
    year = _text("year", 4, inputmode="numeric", autocomplete="off")
    title = _text("title", TITLE_MAX, list="title-suggestions")
    decision_number = _text("decision_number", NUMBER_MAX, autocomplete="off")
    decision_date = _text("decision_date", 10, **DATE_ATTRS)
    issuer = _text("issuer", ISSUER_MAX, list="issuer-suggestions")
    period_start = _text("period_start", 10, **DATE_ATTRS)
    period_end = _text("period_end", 10, **DATE_ATTRS)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision_number"].help_text = "Số và ký hiệu, ví dụ 215/QĐ-UBND."
        self.fields["title"].help_text = "Ví dụ: Lao động tiên tiến; Giấy khen của Chủ tịch UBND phường."
        self.fields["issuer"].help_text = "Ví dụ: Chủ tịch UBND phường Nam Gia Nghĩa."
        self.fields["period_end"].help_text = "Để trống cả hai nếu quyết định không ghi thời gian thành tích."
        self.fields["year"].help_text = f"Năm của thành tích được khen, từ {FIRST_YEAR}."

    def service_errors(self, errors: dict[str, str]) -> None:
        """Show the service's refusals on their fields (the whole award's above the form)."""
        for name, message in errors.items():
            self.add_error(None if name not in self.fields else name, message)


SUGGESTED_TITLES = [
    "Lao động tiên tiến",
    "Chiến sĩ thi đua cơ sở",
    "Giấy khen của Chủ tịch UBND phường",
    "Tập thể lao động tiên tiến",
    "Bằng khen của Chủ tịch UBND tỉnh",
]


def suggestions(known: list[str], usual: list[str] = ()) -> list[str]:
    """What a field suggests: what was entered before (the commonest first), then the usual ones not yet there."""
    folded = {value.casefold() for value in known}
    return known + [value for value in usual if value.casefold() not in folded]


KINDS = [("", "Tất cả"), *Award.Beneficiary.choices]


class AwardSearchForm(forms.Form):
    """The search page's filters (GET); `unit` offers only the units the person may search by."""

    ten = forms.CharField(label="Họ tên hoặc tên tập thể", required=False, max_length=100)
    don_vi = forms.ChoiceField(label="Đơn vị", required=False)
    nam = forms.CharField(label="Năm", required=False)
    danh_hieu = forms.CharField(label="Danh hiệu, hình thức", required=False, max_length=100)
    loai = forms.ChoiceField(label="Cá nhân, tập thể", required=False, choices=KINDS)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.units = {unit.code: unit for unit in units}
        self.fields["don_vi"].choices = [("", "Mọi đơn vị" if len(units) > 1 else "Đơn vị của tôi")] + [
            (unit.code, unit.short_name) for unit in units
        ]

    def clean_nam(self):
        raw = self.cleaned_data.get("nam", "")
        try:
            year = parse_count(raw, maximum=timezone.localdate().year)
        except NumberInvalid:
            year = -1
        if year is not None and year < FIRST_YEAR:
            raise forms.ValidationError(f"Năm phải là số từ {FIRST_YEAR} đến {timezone.localdate().year}.")
        return year

    def clean_don_vi(self):
        code = self.cleaned_data.get("don_vi", "")
        return self.units.get(code) if code else None
