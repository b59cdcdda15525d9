"""The unit's tờ trình and its nominee list, drafted from the dossier's data (the unit, the award form, the
campaign's plan, the unit council's minutes, each nominee and their votes): a page to read and print. The signed
PDF in the state format is the documents app's (its own issue); this draft shows what it will say."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from awards.dossiers.models import Nominee
from awards.dossiers.views.pages import visible_dossier
from units.selectors import ward_root


@login_required
@require_GET
def dossier_letter(request: HttpRequest, pk: int) -> HttpResponse:
    dossier = visible_dossier(request, pk)
    nominees = list(dossier.nominees.all())
    context = {
        "dossier": dossier,
        "ward": ward_root(),
        "minutes": getattr(dossier, "minutes", None),
        "nominees": nominees,
        "collectives": sum(1 for n in nominees if n.kind == Nominee.Kind.COLLECTIVE),
        "individuals": sum(1 for n in nominees if n.kind == Nominee.Kind.INDIVIDUAL),
        "head": dossier.unit.officials.filter(leadership="head", is_active=True).first(),
    }
    return render(request, "awards/dossiers/letter.html", context)
