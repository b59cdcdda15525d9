"""The portal's roles. Each role is a Django group; its name is what admins see."""

from enum import StrEnum


class Role(StrEnum):
    UNIT_HEAD = "Thủ trưởng phòng/đơn vị"
    OFFICIAL = "Cán bộ, công chức"
    SECRETARIAT = "Thường trực thi đua (Phòng Văn hóa – Xã hội)"
    CHAIRMAN = "Chủ tịch UBND"
    COUNCIL_MEMBER = "Thành viên Hội đồng TĐKT"
    ADMIN = "Quản trị"

    @property
    def group_name(self) -> str:
        return self.value


def user_roles(user) -> frozenset[Role]:
    """The roles a user holds, read once per request and cached on the user object."""
    if not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "_portal_roles", None)
    if cached is None:
        names = set(user.groups.values_list("name", flat=True))
        cached = frozenset(role for role in Role if role.value in names)
        if user.is_superuser:
            cached |= {Role.ADMIN}
        user._portal_roles = cached
    return cached


def has_role(user, role: Role) -> bool:
    return role in user_roles(user)
