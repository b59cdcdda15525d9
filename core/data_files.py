"""Loading records from data files (a plan, a ward): one way to check a record and say where it went wrong."""

from django.core.exceptions import ValidationError
from django.db.models import Model


def checked(obj: Model, where: str, error: type[Exception], exclude: list[str] | None = None) -> Model:
    """`obj` after full_clean; otherwise raise `error` naming `where` in the file and each field's messages."""
    try:
        obj.full_clean(exclude=exclude)
    except ValidationError as exc:
        details = "; ".join(f"{field}: {' '.join(messages)}" for field, messages in exc.message_dict.items())
        raise error(f"{where}: {details}") from exc
    return obj
