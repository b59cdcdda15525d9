"""Monthly reports: open, read, edit, move along the workflow, evidence; the matrix and urging; Excel in and out."""

from django.urls import path

from emulation.reports.views import edit, evidence, excel, matrix, pages

urlpatterns = [
    path("bao-cao/<id:pk>/", pages.report_detail, name="report-detail"),
    path("bao-cao/<id:pk>/sua/", edit.report_edit, name="report-edit"),
    path("bao-cao/<id:pk>/chuyen/<slug:action>/", pages.report_transition, name="report-transition"),
    path("so-lieu/<id:entry_pk>/minh-chung/", evidence.evidence_upload, name="evidence-upload"),
    path("minh-chung/<id:pk>/", evidence.evidence_download, name="evidence-download"),
    path("minh-chung/<id:pk>/xoa/", evidence.evidence_delete, name="evidence-delete"),
    path("<slug:code>/bao-cao/mo/", pages.report_open, name="report-open"),
    path("<slug:code>/bao-cao/", matrix.report_matrix, name="report-matrix"),
    path("<slug:code>/bao-cao/don-doc/", matrix.report_urge, name="report-urge"),
    path("bao-cao/<id:pk>/mau-excel/", excel.report_excel_template, name="report-excel-template"),
    path("bao-cao/<id:pk>/nhap-excel/", excel.report_excel_upload, name="report-excel-upload"),
    path("nhap-so-lieu/<id:pk>/", excel.import_job, name="import-job"),
    path("<slug:code>/nhap-so-lieu/", excel.figures_import, name="figures-import"),
    path("<slug:code>/xuat-so-lieu/", excel.figures_export, name="figures-export"),
]
