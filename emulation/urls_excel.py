"""Excel: templates, uploads, the secretariat's import with its progress page, exports."""

from django.urls import path

from emulation import views_excel

urlpatterns: list = [
    path("bao-cao/<int:pk>/mau-excel/", views_excel.report_excel_template, name="report-excel-template"),
    path("bao-cao/<int:pk>/nhap-excel/", views_excel.report_excel_upload, name="report-excel-upload"),
    path("nhap-so-lieu/<int:pk>/", views_excel.import_job, name="import-job"),
    path("<slug:code>/nhap-so-lieu/", views_excel.figures_import, name="figures-import"),
    path("<slug:code>/xuat-so-lieu/", views_excel.figures_export, name="figures-export"),
]
