"""Award history: a person's and a unit's awards, the search and its export, entering and importing awards from
before the portal (mounted under /khen-thuong/, namespace `awards:`)."""

from django.urls import path

from awards.history import views

urlpatterns = [
    path("lich-su/", views.history_search, name="history-search"),
    path("lich-su/nhap-tep/", views.history_import, name="history-import"),
    path("lich-su/can-bo/<id:pk>/", views.history_official, name="history-official"),
    path("lich-su/can-bo/<id:pk>/them/", views.history_add_official, name="history-add-official"),
    path("lich-su/don-vi/<str:code>/", views.history_unit, name="history-unit"),
    path("lich-su/don-vi/<str:code>/them/", views.history_add_unit, name="history-add-unit"),
]
