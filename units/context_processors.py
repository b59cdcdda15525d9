"""Values every page needs from the organisation: the ward's name and the official record of the person looking."""

from django.utils.functional import SimpleLazyObject

from units.selectors import official_of, ward_root


def _ward_name() -> str:
    ward = ward_root()
    return ward.name if ward else ""


def people(request) -> dict:
    user = getattr(request, "user", None)
    return {
        "WARD_NAME": SimpleLazyObject(_ward_name),
        "official": SimpleLazyObject(lambda: official_of(user)) if user is not None else None,
    }
