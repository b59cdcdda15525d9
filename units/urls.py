from django.urls import path

from units import views

app_name = "units"
urlpatterns = [
    path("don-vi/", views.unit_list, name="unit-list"),
    path("don-vi/<str:code>/", views.unit_detail, name="unit-detail"),
    path("thong-tin-ca-nhan/", views.own_profile, name="own-profile"),
]
