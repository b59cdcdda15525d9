from django.urls import path

from documents import views

app_name = "documents"
urlpatterns = [
    path("<id:pk>/tai-ve/", views.document_download, name="document-download"),
]
