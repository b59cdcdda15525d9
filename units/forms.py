"""Forms of the organisation pages."""

from datetime import date

from django import forms
from django.utils import timezone

from units.models import Official


class OwnProfileForm(forms.ModelForm):
    """What an official may correct of their own record (DOMAIN.md §7); the rest is the admin's."""

    class Meta:
        model = Official
        fields = ["full_name", "sex", "birth_date"]
        widgets = {"birth_date": forms.DateInput(attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric"})}

    def clean_birth_date(self):
        born = self.cleaned_data.get("birth_date")
        today = timezone.localdate()
        latest = date(today.year - 16, today.month, min(today.day, 28))
        if born is not None and not (date(1940, 1, 1) <= born <= latest):
            raise forms.ValidationError("Ngày sinh không hợp lệ: cán bộ, công chức phải từ đủ 16 tuổi.")
        return born

    def clean_full_name(self):
        name = " ".join(self.cleaned_data["full_name"].split())
        if len(name.split()) < 2:
            raise forms.ValidationError("Vui lòng ghi đầy đủ họ và tên.")
        return name
