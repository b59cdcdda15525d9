"""Vietnamese number formatting for templates and documents: 1.234,5 and 99,5% (core.numbers)."""

from django import template

from core import numbers

register = template.Library()
register.filter("vn_number", numbers.vn_number)
register.filter("vn_percent", numbers.vn_percent)
