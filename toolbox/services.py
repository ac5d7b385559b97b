"""Writes of the toolbox: the hand-over of a result to a funding application draft.

Contract with the applications app: ``request.session["toolbox_prefill"]`` holds
{"kind": "DP" | "OA", "title", "summary" (one measure per line), "measures": [{"name",
"investment_hkd_low", "investment_hkd_high", "annual_saving_hkd_low",
"annual_saving_hkd_high", "co2_tonnes_low", "co2_tonnes_high"}], "estimated_cost_hkd"
(the investment range's midpoint), "expected_benefits"}; all figures are Decimal strings.
"""

from decimal import Decimal
from urllib.parse import urlencode

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from applications.models import SchemeKind

from . import calculations as calc
from .estimates import Estimate
from .templatetags.toolbox_tags import money, num, tonnes, years

PREFILL_SESSION_KEY = "toolbox_prefill"
WHOLE = Decimal(1)
CENTS = Decimal("0.01")
MAX_TITLE = 200


class ApplyKind:
    DEMONSTRATION = SchemeKind.DEMONSTRATION.value
    ASSESSMENT = SchemeKind.ASSESSMENT.value
    values = (DEMONSTRATION, ASSESSMENT)


def _dollars(value: Decimal) -> str:
    return str(value.quantize(WHOLE))


def _tonnes(kg: Decimal) -> str:
    return str((kg / 1000).quantize(CENTS))


def _title(names: list[str]) -> str:
    shown = ", ".join(names[:2])
    if len(names) > 2:
        shown = _("%(names)s and %(count)d more") % {
            "names": shown,
            "count": len(names) - 2,
        }
    return (_("Cleaner production measures: %(names)s") % {"names": shown})[:MAX_TITLE]


def _benefits(estimate: Estimate) -> str:
    total = estimate.outcome.total
    quantities = total.quantities
    fuel_unit = estimate.fuel.unit if estimate.fuel else ""
    parts = [_("Annual cost saving: %(hkd)s") % {"hkd": money(total.saving_hkd)}]
    lines = [
        (calc.ELECTRICITY, _("Electricity saved: %(q)s kWh a year")),
        (calc.FUEL, _("Fuel saved: %(q)s %(unit)s a year")),
        (calc.WATER, _("Water saved: %(q)s m³ a year")),
        (calc.MATERIALS, _("Materials saved: HK$%(q)s a year")),
    ]
    for resource, text in lines:
        if quantities[resource].low or quantities[resource].high:
            parts.append(text % {"q": num(quantities[resource]), "unit": fuel_unit})
    emissions = total.emissions
    parts.append(
        _("CO₂ avoided: %(t)s tonnes a year") % {"t": tonnes(emissions["co2"])}
    )
    for pollutant, label in (
        ("nox", "NOx"),
        ("so2", "SO₂"),
        ("pm", "PM"),
        ("voc", "VOC"),
    ):
        value = emissions[pollutant]
        if value.low or value.high:
            parts.append(
                _("%(pollutant)s avoided: %(kg)s kg a year")
                % {"pollutant": label, "kg": num(value)}
            )
    parts.append(
        _("Simple payback: %(years)s years.")
        % {"years": years(estimate.outcome.payback)}
    )
    parts.append(
        _(
            "Ballpark ranges from the CP Toolbox, to be confirmed by the on-site assessment."
        )
    )
    return "\n".join(parts)


def toolbox_prefill_build(*, estimate: Estimate, kind: str) -> dict:
    """The session hand-over for a new application, in the visitor's language."""
    if estimate.outcome is None:
        raise ValueError("an estimate with measures combined is needed")
    measures, lines = [], []
    for row in estimate.rows:
        figures = row.combined
        saving, co2 = figures.impact.saving_hkd, figures.impact.emissions["co2"]
        measures.append(
            {
                "name": row.measure.name,
                "investment_hkd_low": _dollars(figures.investment.low),
                "investment_hkd_high": _dollars(figures.investment.high),
                "annual_saving_hkd_low": _dollars(saving.low),
                "annual_saving_hkd_high": _dollars(saving.high),
                "co2_tonnes_low": _tonnes(co2.low),
                "co2_tonnes_high": _tonnes(co2.high),
            }
        )
        lines.append(
            _(
                "%(name)s: investment %(investment)s; annual saving %(saving)s; "
                "CO₂ avoided %(co2)s tonnes a year; payback %(payback)s years"
            )
            % {
                "name": row.measure.name,
                "investment": money(figures.investment),
                "saving": money(saving),
                "co2": tonnes(co2),
                "payback": years(figures.payback),
            }
        )
    return {
        "kind": kind,
        "title": _title([row.measure.name for row in estimate.rows]),
        "summary": "\n".join(lines),
        "measures": measures,
        "estimated_cost_hkd": _dollars(estimate.outcome.investment.mid),
        "expected_benefits": _benefits(estimate),
    }


def application_new_url(kind: str) -> str:
    """The applications app's new-draft page, or its dashboard until that exists."""
    try:
        return f"{reverse('applications:new')}?{urlencode({'kind': kind})}"
    except NoReverseMatch:
        return reverse("applications:dashboard")


def toolbox_prefill_save(*, session, estimate: Estimate, kind: str) -> str:
    """Store the hand-over in the session; return where to continue."""
    if kind not in ApplyKind.values:
        raise ValueError(f"cannot apply for {kind!r} from the toolbox")
    session[PREFILL_SESSION_KEY] = toolbox_prefill_build(estimate=estimate, kind=kind)
    return application_new_url(kind)
