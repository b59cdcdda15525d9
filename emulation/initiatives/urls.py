"""Initiatives: the campaign's list and registration, one initiative's page, edit and recognition, attachments."""

from django.urls import path

from emulation.initiatives.views import edit, pages

urlpatterns = [
    path("sang-kien/", pages.initiative_current, name="initiative-current"),
    path("<slug:code>/sang-kien/", pages.initiative_list, name="initiative-list"),
    path("<slug:code>/sang-kien/dang-ky/", edit.initiative_register, name="initiative-register"),
    path("sang-kien/<id:pk>/", pages.initiative_detail, name="initiative-detail"),
    path("sang-kien/<id:pk>/sua/", edit.initiative_edit, name="initiative-edit"),
    path("sang-kien/<id:pk>/cong-nhan/", edit.initiative_recognise, name="initiative-recognise"),
    path("sang-kien/tep/<id:pk>/", pages.initiative_file, name="initiative-file"),
]
