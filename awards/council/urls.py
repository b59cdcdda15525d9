"""council wing: the ward council's meetings, its sheet of votes, its members, closing a meeting."""

from django.urls import path

from awards.council import views

urlpatterns = [
    path("hoi-dong/", views.council_list, name="council-list"),
    path("hoi-dong/mo/", views.council_open, name="council-open"),
    path("hoi-dong/<id:pk>/", views.council_detail, name="council-detail"),
    path("hoi-dong/<id:pk>/phieu/", views.council_votes, name="council-votes"),
    path("hoi-dong/<id:pk>/ket-thuc/", views.council_close, name="council-close"),
    path("hoi-dong/<id:pk>/thanh-vien/", views.council_members, name="council-members"),
]
