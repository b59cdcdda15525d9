"""Initiatives: URL patterns (none yet)."""

urlpatterns: list = []
