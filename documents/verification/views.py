"""The public verification pages: no login, noindex, rate-limited; an unknown token answers the site's plain 404."""

from django import forms
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from documents.verification.services import CODE_INPUT_MAX, document_by_code, verification_of
from documents.verification.throttle import throttled

TOO_MANY = "Bạn đã tra cứu quá nhiều lần trong một phút. Xin vui lòng thử lại sau ít phút."
NOT_FOUND = "Không tìm thấy văn bản với mã này."


class CodeForm(forms.Form):
    code = forms.CharField(label="Mã xác minh", max_length=CODE_INPUT_MAX, strip=True)


def _public(response: HttpResponse) -> HttpResponse:
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Cache-Control"] = "no-store"
    return response


def _too_many(request: HttpRequest) -> HttpResponse:
    response = render(request, "documents/verification/too_many.html", {"message": TOO_MANY}, status=429)
    response["Retry-After"] = "60"
    return _public(response)


@require_GET
def verification_lookup(request: HttpRequest) -> HttpResponse:
    """The form "Mã xác minh": a valid code redirects to its document's page, anything else says it is not found."""
    if throttled(request, "lookup"):
        return _too_many(request)
    form = CodeForm(request.GET if "code" in request.GET else None)
    not_found = False
    if form.is_bound:
        document = document_by_code(form.cleaned_data["code"]) if form.is_valid() else None
        if document is not None:
            return redirect("verification:document", token=document.token)
        not_found = True
    context = {"form": form, "not_found": NOT_FOUND if not_found else ""}
    return _public(render(request, "documents/verification/lookup.html", context))


@require_GET
def verification_document(request: HttpRequest, token: str) -> HttpResponse:
    if throttled(request, "document"):
        return _too_many(request)
    verification = verification_of(token)
    if verification is None:
        raise Http404
    return _public(render(request, "documents/verification/document.html", {"v": verification}))
