"""dossiers wing: URL patterns (none yet)."""

urlpatterns: list = []
