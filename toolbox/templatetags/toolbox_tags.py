"""Ranges shown as ballparks: three significant figures, never false precision."""

from decimal import ROUND_HALF_UP, Decimal

from django import template
from django.utils.numberformat import format as number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

from toolbox import calculations as calc

register = template.Library()
THOUSAND = Decimal(1000)


def significant(value: Decimal, digits: int = 3) -> Decimal:
    """Round to a number of significant figures (123,456 → 123,000; 0.04567 → 0.0457)."""
    value = Decimal(value)
    if not value:
        return Decimal(0)
    exponent = value.adjusted() - digits + 1
    return value.quantize(Decimal(1).scaleb(exponent), rounding=ROUND_HALF_UP)


def number(value: Decimal, digits: int | None = 3) -> str:
    """Grouped thousands, minus sign, rounded to ``digits`` significant figures."""
    value = Decimal(value)
    if digits is not None:
        value = significant(value, digits)
    value = value.normalize()
    places = max(0, -value.as_tuple().exponent)
    text = number_format(
        abs(value), ".", places, grouping=3, thousand_sep=",", force_grouping=True
    )
    return ("−" if value < 0 else "") + text


def _span(low: str, high: str, negative: bool) -> str:
    if low == high:
        return low
    if negative:
        return _("%(low)s to %(high)s") % {"low": low, "high": high}
    return f"{low}–{high}"


@register.filter
def num(value, digits=3) -> str:
    """A Decimal, or a Range as low–high, to three significant figures."""
    if value is None or value == "":
        return "—"
    digits = None if digits == "exact" else int(digits)
    if isinstance(value, calc.Range):
        return _span(
            number(value.low, digits), number(value.high, digits), value.low < 0
        )
    return number(value, digits)


@register.filter
def money(value, digits=3) -> str:
    """HK$ figures, e.g. HK$202,000–302,000."""
    if value is None:
        return "—"
    text = num(value, digits)
    if text.startswith("−"):
        return "−HK$" + text[1:]
    return "HK$" + text


@register.filter
def tonnes(value) -> str:
    """Kilograms shown as tonnes, e.g. 100,800–151,200 kg → 101–151."""
    if value is None:
        return "—"
    if isinstance(value, calc.Range):
        return num(calc.Range(value.low / THOUSAND, value.high / THOUSAND))
    return num(Decimal(value) / THOUSAND)


@register.filter
def percent(value) -> str:
    """A share (0–1) as a percentage, e.g. Range(0.3, 0.45) → 30–45%."""
    if value is None:
        return "—"
    if isinstance(value, calc.Range):
        return num(calc.Range(value.low * 100, value.high * 100), "exact") + "%"
    return num(Decimal(value) * 100, "exact") + "%"


@register.filter
def years(payback) -> str:
    """A Payback as years: "2.0–4.5", "from 3.1" (may never pay back) or "—"."""
    if payback is None or payback.optimistic is None:
        return "—"

    def fmt(value: Decimal) -> str:
        return number_format(value.quantize(Decimal("0.1")), ".", 1)

    low = fmt(payback.optimistic)
    if payback.conservative is None:
        return _("from %(years)s") % {"years": low}
    return _span(low, fmt(payback.conservative), False)


@register.filter
def get(mapping, key):
    """mapping[key] in a template (None if absent)."""
    try:
        return mapping[key]
    except (KeyError, IndexError, TypeError):
        return None


@register.filter
def is_zero(value) -> bool:
    if isinstance(value, calc.Range):
        return not value.low and not value.high
    return not value


RESOURCE_LABELS = {
    calc.ELECTRICITY: gettext_lazy("Electricity"),
    calc.FUEL: gettext_lazy("Fuel"),
    calc.WATER: gettext_lazy("Water"),
    calc.MATERIALS: gettext_lazy("Materials"),
    calc.VOC: gettext_lazy("VOC emissions"),
}
POLLUTANT_LABELS = {
    "co2": "CO₂",
    "nox": "NOx",
    "so2": "SO₂",
    "pm": gettext_lazy("Particulates"),
    "particulates": gettext_lazy("Particulates"),
    "voc": "VOC",
    "effluent": gettext_lazy("Effluent"),
    "refrigerant": gettext_lazy("Refrigerant impact"),
}


@register.filter
def resource_label(resource: str) -> str:
    return RESOURCE_LABELS.get(resource, resource)


@register.filter
def pollutant_label(code: str) -> str:
    return POLLUTANT_LABELS.get(code, code)


@register.simple_tag
def unit_of(resource: str, estimate=None) -> str:
    """The unit a resource is counted in: kWh, the fuel's unit, m³, HK$ or kg."""
    if resource == calc.FUEL:
        fuel = getattr(estimate, "fuel", None)
        return fuel.unit if fuel else ""
    return {
        calc.ELECTRICITY: "kWh",
        calc.WATER: _("m³"),
        calc.MATERIALS: "HK$",
        calc.VOC: _("kg"),
    }.get(resource, "")


@register.simple_tag
def factor_names(codes, estimate) -> str:
    """The names of the carriers whose emission factor is missing."""
    names = {estimate.grid.code: estimate.grid.name}
    if estimate.fuel is not None:
        names[estimate.fuel.code] = estimate.fuel.name
    return joined([names.get(code, code) for code in codes])


@register.filter
def joined(items, kind: str = "") -> str:
    """Items joined with the language's list separator ("、" in Chinese); kind maps
    codes to labels ("resource", "pollutant") or names an attribute ("name")."""
    labels = {"resource": RESOURCE_LABELS, "pollutant": POLLUTANT_LABELS}.get(kind)
    texts = []
    for item in items or ():
        if labels is not None:
            item = labels.get(item, item)
        elif kind:
            item = getattr(item, kind)
        texts.append(str(item))
    return pgettext("list separator", ", ").join(texts)


@register.filter
def colon(label) -> str:
    """A label followed by the language's colon ("：" in Chinese)."""
    return pgettext("label before a value", "%(label)s: ") % {"label": label}
