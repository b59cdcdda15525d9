from django.urls import path

from documents import views

app_name = "documents"
urlpatterns = [
    path("yeu-cau/<kind:kind>/<id:pk>/", views.document_ask, name="document-ask"),
    path("<id:pk>/trang-thai/", views.document_status, name="document-status"),
    path("<id:pk>/tai-ve/", views.document_download, name="document-download"),
]
