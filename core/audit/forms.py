"""The audit page's filters: person, days (dd/mm/yyyy, read by core.dates.date_read), unit, kind, and the page's
cursor. People and units are chosen from lists read once per page: an id typed by hand is checked against them,
never sent to the database as it came."""

from datetime import date, datetime, time, timedelta

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone

from core.audit import registry
from core.audit.registry import Query, person_name
from core.audit.selectors import cursor_read
from core.dates import date_read

USERS_MAX = 3000
FIRST_DAY = date(2000, 1, 1)
LAST_DAY = date(2100, 12, 31)
OUT_OF_RANGE = "Ngày phải trong khoảng 01/01/2000 – 31/12/2100."


def _day_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


class AuditFilterForm(forms.Form):
    nguoi = forms.TypedChoiceField(label="Người thực hiện", coerce=int, required=False, empty_value=None)
    tu = forms.CharField(label="Từ ngày", required=False, max_length=30)
    den = forms.CharField(label="Đến ngày", required=False, max_length=30)
    don_vi = forms.TypedChoiceField(label="Phòng/đơn vị", coerce=int, required=False, empty_value=None)
    loai = forms.ChoiceField(label="Loại", required=False)
    truoc = forms.CharField(required=False, max_length=100, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        people = get_user_model().objects.order_by("username")
        people = people.values_list("id", "username", "first_name", "last_name")[:USERS_MAX]
        self.fields["nguoi"].choices = [("", "Tất cả")] + [
            (pk, f"{person_name(name, first, last)} ({name})") for pk, name, first, last in people
        ]
        self.fields["don_vi"].choices = [("", "Tất cả"), *registry.unit_choices()]
        groups: dict[str, list] = {}
        for source in registry.sources():
            groups.setdefault(source.group, []).append((source.key, source.label))
        self.fields["loai"].choices = [("", "Tất cả"), *groups.items()]
        for name in ("nguoi", "don_vi", "loai"):
            self.fields[name].error_messages["invalid_choice"] = "Chọn một mục trong danh sách."
        for name in ("tu", "den"):
            self.fields[name].error_messages["max_length"] = "Ghi ngày dạng dd/mm/yyyy, ví dụ 18/12/2025."
            self.fields[name].widget.attrs |= {"class": "form-control", "placeholder": "dd/mm/yyyy", "maxlength": "10"}
            self.fields[name].widget.attrs["inputmode"] = "numeric"
        for name in ("nguoi", "don_vi", "loai"):
            self.fields[name].widget.attrs["class"] = "form-select"

    def _day(self, name: str) -> date | None:
        try:
            day = date_read(self.cleaned_data.get(name))
        except ValueError as exc:
            raise forms.ValidationError(str(exc)) from None
        if day is not None and not FIRST_DAY <= day <= LAST_DAY:
            raise forms.ValidationError(OUT_OF_RANGE)
        return day

    def clean_tu(self) -> date | None:
        return self._day("tu")

    def clean_den(self) -> date | None:
        return self._day("den")

    def clean_truoc(self):
        text = self.cleaned_data.get("truoc") or ""
        if not text:
            return None
        try:
            return cursor_read(text)
        except (ValueError, OverflowError):
            raise forms.ValidationError("Liên kết trang không hợp lệ; mở lại từ trang mới nhất.") from None

    def clean(self):
        data = super().clean()
        since, until = data.get("tu"), data.get("den")
        if since and until and until < since:
            self.add_error("den", "“Đến ngày” phải sau hoặc bằng “Từ ngày”.")
        return data

    def query(self) -> Query:
        data = self.cleaned_data
        until = data.get("den")
        return Query(
            person=data.get("nguoi"),
            since=_day_start(data["tu"]) if data.get("tu") else None,
            until=_day_start(until + timedelta(days=1)) if until else None,
            unit=data.get("don_vi"),
        )
