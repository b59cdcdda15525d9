"""Role predicates shared by every app's permissions.py (django-rules)."""

import rules

from core.roles import Role, has_role


def _role_predicate(role: Role):
    @rules.predicate(name=f"is_{role.name.lower()}")
    def predicate(user) -> bool:
        return has_role(user, role)

    return predicate


is_unit_head = _role_predicate(Role.UNIT_HEAD)
is_official = _role_predicate(Role.OFFICIAL)
is_secretariat = _role_predicate(Role.SECRETARIAT)
is_chairman = _role_predicate(Role.CHAIRMAN)
is_council_member = _role_predicate(Role.COUNCIL_MEMBER)
is_admin = _role_predicate(Role.ADMIN)
is_staff_role = is_secretariat | is_chairman | is_admin
"""Ward-wide roles: they see every unit's records."""

rules.add_perm("core.view_portal", rules.is_authenticated)
