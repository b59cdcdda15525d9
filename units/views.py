"""Organisation pages: units with their heads, a unit's officials, and one's own profile."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from units import selectors
from units.forms import OwnProfileForm
from units.models import Unit
from units.privacy import Action, personal_data_log, personal_data_seen
from units.services import official_update_own


@login_required
def unit_list(request: HttpRequest) -> HttpResponse:
    return render(request, "units/unit_list.html", {"units": selectors.unit_list()})


@login_required
def unit_detail(request: HttpRequest, code: str) -> HttpResponse:
    unit = get_object_or_404(Unit.objects.select_related("parent"), code=code, is_active=True)
    officials = [
        (official, request.user.has_perm("units.view_personal_data", official))
        for official in selectors.unit_officials(unit)
    ]
    shown = [official for official, personal in officials if personal]
    personal_data_seen(
        viewer=request.user, officials=shown, action=Action.VIEW, page=f"Trang đơn vị {unit.name}", path=request.path
    )
    return render(request, "units/unit_detail.html", {"unit": unit, "officials": officials})


@login_required
def own_profile(request: HttpRequest) -> HttpResponse:
    official = selectors.official_of(request.user)
    if official is None or not request.user.has_perm("units.edit_own_profile"):
        raise Http404
    form = OwnProfileForm(request.POST or None, instance=official)
    if request.method == "POST" and form.is_valid():
        official_update_own(official=official, actor=request.user, data=form.cleaned_data)
        messages.success(request, "Đã lưu thông tin cá nhân.")
        return redirect("units:own-profile")
    context = {"official": official, "form": form, "log": personal_data_log(official, request.GET.get("trang"))}
    return render(request, "units/own_profile.html", context)
