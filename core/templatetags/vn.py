"""Vietnamese number formatting for templates and documents: 1.234,5 and 99,5%."""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django import template

register = template.Library()


@register.filter
def vn_number(value, places: int | None = None) -> str:
    """Group thousands with dots, decimals with a comma; trailing zeros dropped unless `places` given."""
    if value is None or value == "":
        return ""
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return str(value)
    if places is not None:
        number = number.quantize(Decimal(1).scaleb(-int(places)), rounding=ROUND_HALF_UP)
        text = f"{number:,.{int(places)}f}"
    else:
        text = f"{number.normalize():,f}"
        if "." in text:
            text = text.rstrip("0").rstrip(".")
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


@register.filter
def vn_percent(value, places: int = 2) -> str:
    if value is None or value == "":
        return ""
    return f"{vn_number(value, places)}%"
