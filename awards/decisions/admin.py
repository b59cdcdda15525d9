"""The decisions wing in the admin (registered here, imported by awards/admin.py).

Only the number registers: a ward that issued decisions on paper before it used the portal sets the last number
it used this year, so the portal's next one follows it (never a number reused or skipped). A register never
goes below a number the portal has already issued. Decisions themselves are issued and revoked on the portal's
pages and never edited."""

from django import forms
from django.contrib import admin
from django.db.models import Max

from awards.decisions.models import Decision, DecisionRegister


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
