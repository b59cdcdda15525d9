"""Who reads the audit log: the admin and the secretariat; anyone else gets the plain 404."""

import rules

from core.permissions import is_admin, is_secretariat

can_view_audit = is_admin | is_secretariat
rules.add_perm("core.view_audit", can_view_audit)
