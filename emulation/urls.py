from django.urls import include, path

from emulation import views, views_reports

app_name = "emulation"
urlpatterns = [
    path("", views.campaign_list, name="campaign-list"),
    # Monthly reports (views_reports): open, read, edit, move along the workflow, evidence.
    path("bao-cao/<int:pk>/", views_reports.report_detail, name="report-detail"),
    path("bao-cao/<int:pk>/sua/", views_reports.report_edit, name="report-edit"),
    path("bao-cao/<int:pk>/chuyen/<slug:action>/", views_reports.report_transition, name="report-transition"),
    path("so-lieu/<int:entry_pk>/minh-chung/", views_reports.evidence_upload, name="evidence-upload"),
    path("minh-chung/<int:pk>/", views_reports.evidence_download, name="evidence-download"),
    path("minh-chung/<int:pk>/xoa/", views_reports.evidence_delete, name="evidence-delete"),
    path("<slug:code>/bao-cao/mo/", views_reports.report_open, name="report-open"),
    path("", include("emulation.urls_matrix")),
    path("", include("emulation.urls_excel")),
    path("", include("emulation.urls_scores")),
    path("<slug:code>/", views.campaign_detail, name="campaign-detail"),
]
