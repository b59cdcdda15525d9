"""Campaign pages: the list and one campaign's plan (the catch-all `<code>/`, so it comes last)."""

from django.urls import path

from emulation.plan import views

urlpatterns = [
    path("", views.campaign_list, name="campaign-list"),
    path("<slug:code>/", views.campaign_detail, name="campaign-detail"),
]
