"""Notifications: the list behind the bell, marking as read."""

urlpatterns: list = []
