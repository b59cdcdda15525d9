"""The unit's tờ trình and its nominee list as a page to read and print, and the ward's tờ trình to the province
(a Bằng khen) as an editable Word file. Both say what their PDFs say: the page reads the same letter_data as
the PDF (awards.dossiers.papers.letter), the .docx the same province_data."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from awards.dossiers.papers.common import file_code
from awards.dossiers.papers.docx import province_docx
from awards.dossiers.papers.letter import letter_data
from awards.dossiers.papers.province import is_province_form, province_data
from awards.dossiers.views.pages import visible_dossier

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@login_required
@require_GET
def dossier_letter(request: HttpRequest, pk: int) -> HttpResponse:
    dossier = visible_dossier(request, pk)
    return render(request, "awards/dossiers/letter.html", {"dossier": dossier, "letter": letter_data(dossier)})


@login_required
@require_GET
def province_letter_docx(request: HttpRequest, pk: int) -> HttpResponse:
    """The ward's tờ trình to the province as Word, for whoever may see the dossier; a dossier of a ward-level
    award has none (404)."""
    dossier = visible_dossier(request, pk)
    if not is_province_form(dossier):
        raise Http404
    response = HttpResponse(province_docx(province_data(dossier)), content_type=DOCX)
    response["Content-Disposition"] = (
        f'attachment; filename="to-trinh-tinh-{file_code(dossier.unit)}-{dossier.pk}.docx"'
    )
    return response
