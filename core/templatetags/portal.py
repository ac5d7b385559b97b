from decimal import Decimal

from django import template
from django.urls import translate_url

register = template.Library()


@register.simple_tag(takes_context=True)
def translated_url(context, language: str) -> str:
    """The address of the current page in another language."""
    request = context["request"]
    return translate_url(request.get_full_path(), language)


@register.filter
def hkd(value) -> str:
    """HK$ with thousands separators; whole dollars unless there are cents."""
    if value is None or value == "":
        return "—"
    amount = Decimal(value)
    places = 0 if amount == amount.to_integral_value() else 2
    # Grouped in threes whatever NUMBER_GROUPING says (it is 0 by default).
    return f"HK${amount:,.{places}f}"
