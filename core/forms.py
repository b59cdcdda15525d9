"""Form fields every app's forms and admin pages share, so that one input reads the same everywhere."""

from django import forms
from django.core.exceptions import ValidationError

from core.numbers import NumberInvalid, parse_decimal


class DecimalInput(forms.DecimalField):
    """A decimal typed the Vietnamese way ("97,5") or with a dot, read by the portal's one parser
    (core.numbers.parse_decimal): grouped thousands and exponents are refused with a clear message."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("localize", True)  # shown as "97,5"
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        try:
            return parse_decimal(value, places=self.decimal_places if self.decimal_places is not None else 2)
        except NumberInvalid as exc:
            raise ValidationError(str(exc), code="invalid") from None

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.pop("step", None)
        return attrs | {"inputmode": "decimal"}


# For a ModelAdmin or ModelForm: every DecimalField of the model read by DecimalInput.
DECIMAL_INPUTS = {"form_class": DecimalInput}
