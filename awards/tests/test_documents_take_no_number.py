"""A decision's number and its certificates' numbers are taken once, in the chairman's request that issues it
(awards.decisions.services.decision_issue, under the register's row lock), never in a document's task: a render
run again after its worker died, or delivered twice, prints the numbers already stored and takes none."""

import pytest
from django.db.models.signals import pre_save

from awards.decisions import services as decisions
from awards.decisions.models import Decision, DecisionRegister
from awards.decisions.papers.blank import BLANK, MERGED_BLANK
from awards.decisions.papers.certificate import KIND as CERTIFICATE
from awards.decisions.papers.certificate import MERGED
from awards.decisions.papers.decision import KIND as DECISION
from awards.history.models import Award
from awards.tests import council_support as support
from documents.models import Document
from documents.services import document_request
from documents.tasks import document_render

pytestmark = pytest.mark.django_db


@pytest.fixture
def numbering(monkeypatch):
    """Every number taken from here on: the register saved, or number_take called (each recorded)."""
    taken = []
    original = decisions.number_take

    def watched(**kwargs):
        taken.append(("number_take", kwargs["series"]))
        return original(**kwargs)

    def register_saved(sender, instance, **kwargs):
        taken.append(("register", instance.series))

    monkeypatch.setattr(decisions, "number_take", watched)
    pre_save.connect(register_saved, sender=DecisionRegister, dispatch_uid="test-numbering")
    yield taken
    pre_save.disconnect(sender=DecisionRegister, dispatch_uid="test-numbering")


def _numbers() -> tuple:
    return (
        list(DecisionRegister.objects.order_by("pk").values_list("series", "last_number")),
        list(Decision.objects.order_by("pk").values_list("number", flat=True)),
        list(Award.objects.order_by("pk").values_list("certificate_number", flat=True)),
    )


def test_rendering_and_rerendering_a_decisions_documents_takes_no_number(
    campaign, sam, chris, numbering, django_capture_on_commit_callbacks
):
    decision = support.decided(campaign, support.own_form(campaign, "GK-QD-GK"), "TTDVTH", sam, chris)
    assert ("number_take", decisions.DECISIONS) in numbering and ("number_take", decisions.CERTIFICATES) in numbering
    numbering.clear()  # the watch sees the request's numbering: from here on, only documents run
    before = _numbers()

    records = [(DECISION, decision), (MERGED, decision), (MERGED_BLANK, decision)]
    records += [(kind, award) for award in decision.awards.all() for kind in (CERTIFICATE, BLANK)]
    for kind, record in records:
        with django_capture_on_commit_callbacks(execute=True):
            document = document_request(kind=kind, record=record)
        document.refresh_from_db()
        assert document.status == Document.Status.READY, (kind, document.failure)
        # The message delivered again, and a run the worker did not survive tried again.
        assert document_render(document.pk) == Document.Status.READY
        Document.objects.filter(pk=document.pk).update(status=Document.Status.RENDERING)
        assert document_render(document.pk) == Document.Status.READY

    assert numbering == [], "a document's task took a number"
    assert _numbers() == before
