from django.urls import path

from emulation import views

app_name = "emulation"
urlpatterns = [
    path("", views.campaign_list, name="campaign-list"),
    path("<slug:code>/", views.campaign_detail, name="campaign-detail"),
]
