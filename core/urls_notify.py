"""Notifications: the list behind the bell, marking as read."""

from django.urls import path

from core import views_notify

urlpatterns = [
    path("thong-bao/", views_notify.notification_list, name="notification-list"),
    path("thong-bao/<int:pk>/doc/", views_notify.notification_read, name="notification-read"),
    path("thong-bao/doc-tat-ca/", views_notify.notification_read_all, name="notification-read-all"),
]
