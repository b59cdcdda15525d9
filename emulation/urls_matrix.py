"""Following the reports: the units × months matrix and urging a unit."""

from django.urls import path

from emulation import views_matrix

urlpatterns = [
    path("<slug:code>/bao-cao/", views_matrix.report_matrix, name="report-matrix"),
    path("<slug:code>/bao-cao/don-doc/", views_matrix.report_urge, name="report-urge"),
]
