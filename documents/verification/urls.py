from django.urls import path

from documents.verification import views

app_name = "verification"
urlpatterns = [
    path("", views.verification_lookup, name="lookup"),
    path("<str:token>/", views.verification_document, name="document"),
]
