"""decisions wing: the chairman's page (approve the proposed dossiers) and the decision register (issue, read,
revoke)."""

from django.urls import path

from awards.decisions.views import chairman, layout, register

urlpatterns = [
    path("cho-duyet/", chairman.chairman_page, name="chairman"),
    path("cho-duyet/dong-y-tat-ca/", chairman.chairman_approve_all, name="chairman-approve-all"),
    path("cho-duyet/<id:pk>/", chairman.chairman_review, name="chairman-review"),
    path("quyet-dinh/", register.decision_list, name="decision-list"),
    path("quyet-dinh/ban-hanh/", register.decision_issue, name="decision-issue"),
    path("quyet-dinh/<id:pk>/", register.decision_detail, name="decision-detail"),
    path("quyet-dinh/<id:pk>/thu-hoi/", register.decision_revoke, name="decision-revoke"),
    path("phoi-giay-khen/<id:pk>/in-thu/", layout.certificate_test_print, name="certificate-test-print"),
]
