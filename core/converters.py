"""URL converters: a record's id in a path is 1 to 18 digits, so a 24-digit id is a 404, never a 500 (an
integer past the database's 64 bits would raise instead of finding nothing)."""

from django.urls import register_converter


class IdConverter:
    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value) -> str:
        return str(int(value))


class KindConverter:
    """A kind of document, "app.name" (documents.registry): lower-case words and dots, bounded."""

    regex = "[a-z_]{1,40}(?:[.][a-z_]{1,40}){1,3}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value) -> str:
        return str(value)


def converters_register() -> None:
    register_converter(IdConverter, "id")
    register_converter(KindConverter, "kind")
