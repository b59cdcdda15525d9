from django.urls import path

from core import views
from core.audit import views as audit_views

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("thong-bao/", views.notification_list, name="notification-list"),
    path("thong-bao/<id:pk>/doc/", views.notification_read, name="notification-read"),
    path("thong-bao/doc-tat-ca/", views.notification_read_all, name="notification-read-all"),
    path("nhat-ky/", audit_views.audit_list, name="audit"),
]
