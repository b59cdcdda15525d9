"""The official's own page: where they are proposed for an award (every campaign, the dossier's state, the ward
council's result and the chairman's) and the awards they received (the history wing's table)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from awards.dossiers.models import Nominee
from awards.history.selectors import official_awards
from units.selectors import official_of


@login_required
@require_GET
def awards_mine(request: HttpRequest) -> HttpResponse:
    official = official_of(request.user)
    if official is None:
        raise Http404  # the admin's and other accounts without an official record have no such page
    nominations = (
        Nominee.objects.filter(official=official)
        .select_related("dossier__campaign", "dossier__award_form", "dossier__unit")
        .order_by("-dossier__campaign__year", "dossier__award_form__order", "pk")
    )
    context = {"official": official, "nominations": list(nominations), "awards": official_awards(official)}
    return render(request, "awards/dossiers/mine.html", context)
