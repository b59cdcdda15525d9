"""The dossiers wing in the admin (registered here, imported by awards/admin.py)."""
