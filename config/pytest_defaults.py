"""Loaded by pytest before Django (pytest.ini: -p): tests run with development defaults."""

import os

os.environ.setdefault("DEBUG", "1")
