"""Award history pages: an official's awards, a unit's, the search with its export, the entry of an award from
before the portal, and the import of a file of them. Each asks the wing's permissions on the object (what is
not the person's answers 404) and calls one service or selector."""

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from awards.history import exports, imports, selectors, services
from awards.history.forms import SUGGESTED_TITLES, AwardEntryForm, AwardSearchForm, suggestions
from awards.history.models import Award
from core.numbers import vn_number
from core.spreadsheets import CellError, ExcelInvalid
from core.table_export import FORMATS, XLSX_CONTENT_TYPE, attachment, table_response
from core.text import text_normalise
from units.models import Official, Unit

PAGE_SIZE = 30


def _official(request: HttpRequest, pk: int, perm: str = "awards.view_official_awards") -> Official:
    official = Official.objects.select_related("unit__parent", "position").filter(pk=pk).first()
    # The rule set only (not user.has_perm): a refusal must not fall through to the model backend's queries.
    if official is None or not rules.has_perm(perm, request.user, official):
        raise Http404
    return official


def _unit(request: HttpRequest, code: str, perm: str = "awards.view_unit_awards") -> Unit:
    unit = Unit.objects.select_related("parent").filter(code=code).first() if len(code) <= 20 else None
    if unit is None or not rules.has_perm(perm, request.user, unit):
        raise Http404
    return unit


@login_required
@require_GET
def history_official(request: HttpRequest, pk: int) -> HttpResponse:
    official = _official(request, pk)
    context = {
        "official": official,
        "awards": selectors.official_awards(official),
        "can_record": rules.has_perm("awards.record_award", request.user),
        "can_see_unit": rules.has_perm("awards.view_unit_awards", request.user, official.unit),
        "can_search": rules.has_perm("awards.search_awards", request.user),
    }
    return render(request, "awards/history/official.html", context)


@login_required
@require_GET
def history_unit(request: HttpRequest, code: str) -> HttpResponse:
    unit = _unit(request, code)
    people_awards, people_total = selectors.unit_officials_awards(unit)
    context = {
        "unit": unit,
        "awards": selectors.unit_awards(unit),
        "people_awards": people_awards,
        "people_total": people_total,
        "officials": selectors.unit_officials_counted(unit),
        "can_record": rules.has_perm("awards.record_award", request.user),
        "can_search": rules.has_perm("awards.search_awards", request.user),
    }
    return render(request, "awards/history/unit.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def history_add_official(request: HttpRequest, pk: int) -> HttpResponse:
    official = _official(request, pk)
    return _entry(request, official=official)


@login_required
@require_http_methods(["GET", "POST"])
def history_add_unit(request: HttpRequest, code: str) -> HttpResponse:
    unit = _unit(request, code)
    return _entry(request, unit=unit)


def _entry(request: HttpRequest, *, official: Official | None = None, unit: Unit | None = None) -> HttpResponse:
    if not rules.has_perm("awards.record_award", request.user):
        raise Http404
    form = AwardEntryForm(request.POST or None)
    back = (
        reverse("awards:history-official", kwargs={"pk": official.pk})
        if official is not None
        else reverse("awards:history-unit", kwargs={"code": unit.code})
    )
    if request.method == "POST":
        if form.is_valid():
            try:
                award = services.award_record(actor=request.user, official=official, unit=unit, **form.cleaned_data)
            except services.AwardInvalid as exc:
                form.service_errors(exc.errors)
            else:
                messages.success(request, f"Đã lưu: {award.title}, quyết định {award.decision_text}.")
                return redirect(back)
        messages.error(request, "Chưa lưu: xem các ô ghi lỗi bên dưới.")
    context = {
        "form": form,
        "official": official,
        "unit": unit,
        "snapshot": services.snapshot(official=official, unit=unit),
        "back": back,
        "titles": suggestions(selectors.titles_known(), SUGGESTED_TITLES),
        "issuers": suggestions(selectors.issuers_known()),
    }
    return render(request, "awards/history/entry.html", context)


def _search_title(search: selectors.Search) -> str:
    parts = [f"năm {search.year}" if search.year else "", search.unit.short_name if search.unit else ""]
    parts += [f"tên “{search.name}”" if search.name else "", f"“{search.title}”" if search.title else ""]
    parts += [Award.Beneficiary(search.kind).label.lower() if search.kind else ""]
    shown = ", ".join(part for part in parts if part)
    return f"Danh sách khen thưởng{f' ({shown})' if shown else ''}"


@login_required
@require_GET
def history_search(request: HttpRequest) -> HttpResponse:
    """Search by name, unit, year, title or form, and kind; ?xuat=csv|xlsx downloads the awards in force found."""
    if not rules.has_perm("awards.search_awards", request.user):
        raise Http404
    fmt = request.GET.get("xuat")
    if fmt is not None and fmt not in FORMATS:
        raise Http404
    units = selectors.search_units(request.user)
    form = AwardSearchForm(request.GET or None, units=units)
    context = {"form": form, "can_record": rules.has_perm("awards.record_award", request.user)}
    context["can_import"] = rules.has_perm("awards.import_awards", request.user)
    if form.is_bound and not form.is_valid():
        return render(request, "awards/history/search.html", context, status=400)
    data = form.cleaned_data if form.is_bound else {}
    search = selectors.Search(
        name=data.get("ten", ""),
        unit=data.get("don_vi"),
        year=data.get("nam"),
        title=data.get("danh_hieu", ""),
        kind=data.get("loai", ""),
    )
    found = selectors.awards_search(user=request.user, search=search)
    title = _search_title(search)
    if fmt is not None:
        table = exports.awards_table(found.filter(revoked_by__isnull=True), title=title)
        return table_response(table, fmt, title.lower())
    query = request.GET.copy()
    query.pop("page", None)
    context |= {
        "page": Paginator(found, PAGE_SIZE).get_page(request.GET.get("page")),
        "search": search,
        "title": title,
        "query": query.urlencode(),
        "units": units,
    }
    return render(request, "awards/history/search.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def history_import(request: HttpRequest) -> HttpResponse:
    """Upload a file of awards: done (said above the form) or refused, with every cell to fix listed."""
    if not rules.has_perm("awards.import_awards", request.user):
        raise Http404
    if request.method == "GET" and request.GET.get("mau"):
        return attachment(imports.import_template(), XLSX_CONTENT_TYPE, "mau-nhap-khen-thuong.xlsx")
    errors: list[CellError] = []
    file_name = ""
    if request.method == "POST":
        upload = request.FILES.get("file")
        if upload is None:
            errors = [CellError("", None, "", "Hãy chọn tệp Excel (.xlsx) để tải lên.")]
        else:
            file_name = text_normalise(upload.name or "").strip()[:255]
            try:
                result = imports.awards_import(source=upload, actor=request.user)
            except ExcelInvalid as exc:
                errors = exc.errors
            else:
                messages.success(request, f"Tệp “{file_name}”: {result.summary()}")
                return redirect("awards:history-import")
    context = {
        "errors": errors,
        "file_name": file_name,
        "header": imports.HEADER,
        "max_rows": vn_number(imports.MAX_ROWS),
    }
    return render(request, "awards/history/import.html", context, status=400 if errors else 200)
