"""Vietnamese formatting for templates and documents: 1.234,5 and 99,5% (core.numbers); "ngày 05 tháng 01 năm
2027" (core.dates)."""

from django import template

from core import dates, numbers

register = template.Library()
register.filter("vn_number", numbers.vn_number)
register.filter("vn_percent", numbers.vn_percent)


@register.filter
def vn_date_written(day, year=None) -> str:
    """{{ campaign.document_date|vn_date_written:campaign.year }}: the date in words, or its blanks with the year."""
    return dates.date_written(day, year=year)
