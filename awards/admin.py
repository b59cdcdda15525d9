"""The awards app in the admin: each wing registers its own models (imported here for the admin to find)."""

from awards.catalogue import admin as catalogue_admin  # noqa: F401
from awards.council import admin as council_admin  # noqa: F401
from awards.decisions import admin as decisions_admin  # noqa: F401
from awards.dossiers import admin as dossiers_admin  # noqa: F401
from awards.history import admin as history_admin  # noqa: F401
