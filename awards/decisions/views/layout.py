"""The test print of the Giấy khen blank's layout (linked from its admin page): the layout's boxes and names with a
10 mm ruler, for the admin and the secretariat only (anyone else gets 404); one page, rendered as it is asked."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET

from awards.decisions.models import CertificateLayout
from awards.decisions.papers.blank import TEST_PRINT, can_set_layout
from documents.build import document_pdf
from documents.registry import document_kind


@login_required
@require_GET
def certificate_test_print(request: HttpRequest, pk: int) -> HttpResponse:
    if not can_set_layout(request.user):
        raise Http404
    layout = get_object_or_404(CertificateLayout.objects.select_related("issuer"), pk=pk)
    kind = document_kind(TEST_PRINT)
    response = HttpResponse(document_pdf(kind=kind, record=layout), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{kind.filename(layout)}"'
    return response
