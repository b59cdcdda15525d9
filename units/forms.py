"""Forms of the organisation pages, and the admin's form for an official: the same field rules on both."""

from datetime import date

from django import forms
from django.utils import timezone

from core.text import text_normalise
from units.models import Official

EARLIEST_BIRTH = date(1940, 1, 1)


def full_name_checked(value: str) -> str:
    """A full name as typed, NFC without hidden characters, spaces collapsed; at least two words."""
    name = " ".join(text_normalise(value or "").split())
    if len(name.split()) < 2:
        raise forms.ValidationError("Vui lòng ghi đầy đủ họ và tên.")
    return name


def birth_date_checked(born: date | None) -> date | None:
    """A birth date from 01/01/1940 to sixteen years ago (an official is at least 16), or none."""
    today = timezone.localdate()
    latest = date(today.year - 16, today.month, min(today.day, 28))
    if born is not None and not (EARLIEST_BIRTH <= born <= latest):
        raise forms.ValidationError("Ngày sinh không hợp lệ: cán bộ, công chức phải từ đủ 16 tuổi.")
    return born


class OfficialFieldRules:
    """The personal fields' rules, shared by the official's own page and the admin's forms."""

    def clean_birth_date(self):
        return birth_date_checked(self.cleaned_data.get("birth_date"))

    def clean_full_name(self):
        return full_name_checked(self.cleaned_data.get("full_name", ""))


class OwnProfileForm(OfficialFieldRules, forms.ModelForm):
    """What an official may correct of their own record (DOMAIN.md §7); the rest is the admin's."""

    class Meta:
        model = Official
        fields = ["full_name", "sex", "birth_date"]
        widgets = {"birth_date": forms.DateInput(attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric"})}


class OfficialAdminForm(OfficialFieldRules, forms.ModelForm):
    """The admin's form for an official (its own page and the unit page's rows): the own page's field rules."""

    class Meta:
        model = Official
        fields = ["full_name", "sex", "birth_date", "position", "unit", "leadership", "user", "is_active"]
