"""Excel: templates, uploads, the secretariat's import with its progress page, exports."""

urlpatterns: list = []
