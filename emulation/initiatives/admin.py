"""Initiatives in the admin (registered here, imported by emulation/admin.py)."""
