"""The demo (seed_demo) has an issued decision, and its documents render: the decision, a certificate, the merged
print of its certificates and the council's minutes."""

import pytest
from django.core.management import call_command

from awards.council.models import CouncilMeeting
from awards.decisions.models import Decision
from documents.build import document_pdf
from documents.registry import document_kind
from documents.services import document_request
from documents.tests import pdf as p

pytestmark = pytest.mark.django_db


def test_the_demo_decision_s_documents_render(settings, django_capture_on_commit_callbacks):
    settings.DEBUG = True
    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo", stdout=open("/dev/null", "w"))
        call_command("seed_demo", stdout=open("/dev/null", "w"))  # again: nothing more
    decision = Decision.objects.get()
    awards = list(decision.awards.order_by("certificate_number"))
    assert len(awards) == 3 and decision.total_money == sum(a.money for a in awards)
    text = p.text_of(document_pdf(kind=document_kind("awards.decision"), record=decision))
    assert f"Số: {decision.reference}" in text and "Tổng cộng (3 tập thể, cá nhân)" in text
    assert awards[1].name in p.text_of(document_pdf(kind=document_kind("awards.certificate"), record=awards[1]))
    meeting = CouncilMeeting.objects.get()
    minutes = p.text_of(document_pdf(kind=document_kind("awards.ward_minutes"), record=meeting))
    assert "vắng mặt: 1 người" in minutes and "DỰ THẢO" not in minutes
    with django_capture_on_commit_callbacks(execute=True):
        merged = document_request(kind="awards.decision_certificates", record=decision)
    merged.refresh_from_db()
    assert merged.status == "ready", merged.failure
    assert len(p.page_sizes(merged.file.read())) == 3
