"""dossiers wing: the unit's award dossiers, their nominees and reports, the unit council's minutes, the
workflow's steps, and the secretariat's queue."""

from django.urls import path

from awards.dossiers.views import letter, mine, minutes, nominees, pages

urlpatterns = [
    path("cua-toi/", mine.awards_mine, name="mine"),
    path("ho-so/", pages.dossier_list, name="dossier-list"),
    path("ho-so/lap/", pages.dossier_open, name="dossier-open"),
    path("ho-so/<id:pk>/", pages.dossier_detail, name="dossier-detail"),
    path("ho-so/<id:pk>/chuyen/<slug:action>/", pages.dossier_transition, name="dossier-transition"),
    path("ho-so/<id:pk>/de-nghi/", nominees.nominee_add, name="nominee-add"),
    path("ho-so/<id:pk>/bien-ban/", minutes.minutes_edit, name="minutes-edit"),
    path("ho-so/<id:pk>/to-trinh/", letter.dossier_letter, name="dossier-letter"),
    path("ho-so/<id:pk>/to-trinh-tinh.docx", letter.province_letter_docx, name="province-letter-docx"),
    path("de-nghi/<id:pk>/bo/", nominees.nominee_remove, name="nominee-remove"),
    path("de-nghi/<id:pk>/ky-luat/", nominees.nominee_discipline, name="nominee-discipline"),
    path("de-nghi/<id:pk>/bao-cao/", nominees.report_edit, name="report-edit"),
    path("de-nghi/<id:pk>/bao-cao/xac-nhan/", nominees.report_confirm, name="report-confirm"),
]
