"""The toolbox's GET forms: every step's answers travel in the address, so each page is
bookmarkable and the result can be printed or downloaded again."""

import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.utils.translation import gettext_lazy as _

from core.choices import Region

from . import calculations as calc
from .estimates import NO_FUEL, SORT_CO2, SORT_PAYBACK, Answers
from .models import EndUse, Measure, Utility

MAX_MEASURES = 12
_RANGE = re.compile(
    r"^(?P<low>\d+(?:\.\d+)?)\s*%?\s*"
    r"(?:(?:-|–|—|~|～|to|至|到)\s*(?P<high>\d+(?:\.\d+)?)\s*%?)?$",
    re.IGNORECASE,
)


def parse_range(text: str) -> calc.Range | None:
    """ "1,200,000" → 1200000–1200000; "30-45", "30–45", "30 to 45" → 30–45; "" → None."""
    text = re.sub(r"[,，\s]", "", str(text or "")).replace("HK$", "").strip()
    if not text:
        return None
    match = _RANGE.match(text)
    if match is None:
        raise ValueError(text)
    low = Decimal(match["low"])
    high = Decimal(match["high"]) if match["high"] else low
    if low > high:
        low, high = high, low
    return calc.Range(low, high)


class RangeWidget(forms.TextInput):
    def __init__(self, attrs=None):
        super().__init__(
            {"inputmode": "decimal", "autocomplete": "off", **(attrs or {})}
        )


class RangeField(forms.CharField):
    """A number or a low–high range; percentages are returned as shares (0–1)."""

    widget = RangeWidget
    default_error_messages = {
        "invalid": _("Enter a number, or a range such as 30–45."),
        "too_large": _("Enter a percentage from 0 to 100."),
    }

    def __init__(self, *, percent: bool = False, **kwargs):
        self.percent = percent
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 60)
        super().__init__(**kwargs)

    def clean(self, value):
        text = super().clean(value)
        try:
            parsed = parse_range(text)
        except (ValueError, InvalidOperation):
            raise forms.ValidationError(
                self.error_messages["invalid"], code="invalid"
            ) from None
        if parsed is None or not self.percent:
            return parsed
        if parsed.high > 100:
            raise forms.ValidationError(
                self.error_messages["too_large"], code="too_large"
            )
        return parsed.scaled(Decimal("0.01"))


class SiteForm(forms.Form):
    """Step 1: the industry, where the factory is and, optionally, its own figures."""

    industry = forms.ChoiceField(label=_("Your industry"), widget=forms.RadioSelect)
    region = forms.ChoiceField(
        label=_("Where is the factory?"),
        choices=Region.choices,
        widget=forms.RadioSelect,
    )
    utility = forms.ChoiceField(
        label=_("Electricity supplier (Hong Kong)"),
        choices=Utility.choices,
        required=False,
        widget=forms.RadioSelect,
        help_text=_("Sets the grid's CO₂ factor and tariff; 0.7 kg/kWh if not known."),
    )
    electricity_kwh = RangeField(
        label=_("Annual electricity use (kWh)"),
        help_text=_("From your bills. A range such as 1,000,000–1,200,000 is fine."),
    )
    fuel = forms.ChoiceField(label=_("Main fuel"), required=False)
    fuel_quantity = RangeField(label=_("Annual fuel use (in the fuel's unit)"))
    fuel_price = RangeField(
        label=_("Fuel price per unit"),
        help_text=_(
            "HK$ in Hong Kong, RMB in Guangdong. There are no default fuel prices yet, "
            "so fuel savings count in HK$ only with yours."
        ),
    )

    def __init__(self, *args, industries, fuels, **kwargs):
        super().__init__(*args, **kwargs)
        self.industries = {i.code: i for i in industries}
        self.fuels = {f.code: f for f in fuels}
        self.fields["industry"].choices = [(i.code, i.name) for i in industries]
        self.fields["fuel"].choices = [
            ("", _("The usual fuel of my industry")),
            (NO_FUEL, _("No fuel")),
            *((f.code, f"{f.name} ({f.unit})") for f in fuels),
        ]

    def answers(self, **extra) -> Answers:
        data = self.cleaned_data
        return Answers(
            industry=self.industries[data["industry"]],
            region=data["region"],
            utility=(data.get("utility") or "")
            if data["region"] == Region.HONG_KONG
            else "",
            electricity_kwh=data.get("electricity_kwh"),
            fuel=data.get("fuel") or "",
            fuel_quantity=data.get("fuel_quantity"),
            fuel_price=data.get("fuel_price"),
            **extra,
        )


class ProcessForm(SiteForm):
    """Step 2: tick the processes the factory runs."""

    process = forms.MultipleChoiceField(
        label=_("Your production processes"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Tick at least one process.")},
    )
    sort = forms.ChoiceField(
        label=_("Rank by"),
        required=False,
        choices=[
            (SORT_PAYBACK, _("Quickest payback")),
            (SORT_CO2, _("Most CO₂ avoided")),
        ],
    )

    def __init__(self, *args, processes, **kwargs):
        super().__init__(*args, **kwargs)
        self.processes = list(processes)
        self.fields["process"].choices = [(p.slug, p.name) for p in self.processes]


class CalculatorForm(SiteForm):
    """The calculator: the measures chosen, the site's use and prices, and overrides.

    Every figure may be left blank: the default (a tariff, a factor, the industry's
    typical use, the end use's typical share) is then used and named in the result.
    """

    industry = forms.ChoiceField(label=_("Your industry"))

    process = forms.MultipleChoiceField(
        required=False, widget=forms.MultipleHiddenInput
    )
    sort = forms.ChoiceField(
        label=_("Combine in order of"),
        required=False,
        choices=ProcessForm.base_fields["sort"].choices,
    )
    measure = forms.MultipleChoiceField(
        label=_("Measures"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one measure.")},
    )
    electricity_price = RangeField(label=_("Electricity price per kWh"))
    water_m3 = RangeField(label=_("Annual water use (m³)"))
    water_price = RangeField(label=_("Water price per m³"))
    materials_hkd = RangeField(
        label=_("Annual spend on process materials (HK$)"),
        help_text=_("Paints, inks, solvents, dyes and chemicals the measures act on."),
    )
    voc_kg = RangeField(
        label=_("Annual VOC emissions (kg)"),
        help_text=_("If unknown, the solvent you buy each year is a fair upper bound."),
    )
    rmb_per_hkd = forms.DecimalField(
        label=_("Exchange rate (RMB per HK$1)"),
        required=False,
        min_value=Decimal("0.01"),
        max_digits=8,
        decimal_places=4,
    )

    def __init__(self, *args, processes=(), measures, suggested=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.measures = {m.slug: m for m in measures}
        self.suggested = set(self.measures) if suggested is None else set(suggested)
        self.fields["process"].choices = [(p.slug, p.slug) for p in processes]
        self.fields["measure"].choices = [(m.slug, m.name) for m in measures]
        self.share_fields: dict[str, EndUse] = {}
        self.capacity_fields: dict[str, Measure] = {}
        for measure in measures:
            for effect in measure.effects.all():
                end_use = effect.end_use
                name = f"share_{end_use.code}"
                if end_use.whole_site or name in self.fields:
                    continue
                self.fields[name] = RangeField(percent=True, label=end_use.name)
                self.share_fields[name] = end_use
            if measure.is_per_unit or measure.typical_capacity is not None:
                name = f"capacity_{measure.slug}"
                self.fields[name] = forms.DecimalField(
                    label=measure.name,
                    required=False,
                    min_value=Decimal(0),
                    max_digits=10,
                    decimal_places=1,
                )
                self.capacity_fields[name] = measure

    def clean_measure(self):
        chosen = self.cleaned_data["measure"]
        if len(chosen) > MAX_MEASURES:
            raise forms.ValidationError(
                _("Choose at most %(count)d measures."),
                params={"count": MAX_MEASURES},
                code="too_many",
            )
        return chosen

    def measure_groups(self) -> tuple[list, list]:
        """(suggested or chosen, the others) as (slug, name, checked) for the page."""
        chosen = set(self["measure"].value() or [])
        first, others = [], []
        for slug, measure in self.measures.items():
            item = (slug, measure.name, slug in chosen)
            (first if slug in self.suggested or slug in chosen else others).append(item)
        return first, others

    def chosen_measures(self) -> list[Measure]:
        return [self.measures[slug] for slug in self.cleaned_data["measure"]]

    def share_rows(self):
        """(bound field, end use) for the end uses of the chosen measures."""
        chosen = self.cleaned_data.get("measure", []) if self.is_bound else []
        wanted = {
            e.end_use.code
            for slug in chosen
            if slug in self.measures
            for e in self.measures[slug].effects.all()
        }
        return [
            (self[name], end_use)
            for name, end_use in self.share_fields.items()
            if end_use.code in wanted
        ]

    def capacity_rows(self):
        chosen = set(self.cleaned_data.get("measure", [])) if self.is_bound else set()
        return [
            (self[name], measure)
            for name, measure in self.capacity_fields.items()
            if measure.slug in chosen
        ]

    def _describe(self, name: str, *, label=None, help_text=None) -> None:
        """Change a field's label or help; bound fields copy them when first built."""
        for target in (self.fields[name], self[name]):
            if label is not None:
                target.label = label
            if help_text is not None:
                target.help_text = help_text

    def describe_defaults(self, estimate) -> None:
        """Label prices in the region's currency and say what a blank field means."""
        from .templatetags.toolbox_tags import num, percent

        currency = _("RMB") if estimate.answers.currency == "RMB" else _("HK$")
        fuel_unit = estimate.fuel.unit if estimate.fuel else _("unit")
        labels = {
            "electricity_price": _("Electricity price (%(currency)s per kWh)"),
            "fuel_price": _("Fuel price (%(currency)s per %(unit)s)"),
            "water_price": _("Water price (%(currency)s per m³)"),
            "fuel_quantity": _("Annual fuel use (%(unit)s)"),
        }
        for name, label in labels.items():
            self._describe(
                name, label=label % {"currency": currency, "unit": fuel_unit}
            )

        def blank(text) -> str:
            return _("Blank: %(default)s") % {"default": text}

        for price in estimate.prices:
            name = f"{price.resource}_price"
            if price.tariff is not None and price.tariff.price is not None:
                self._describe(
                    name,
                    help_text=blank(
                        f"{num(price.tariff.price, 'exact')} ({price.tariff.name}, "
                        f"{price.tariff.year})"
                    ),
                )
            elif not price.entered:
                self._describe(
                    name, help_text=_("No default price yet: enter what you pay.")
                )
        use_fields = {
            calc.ELECTRICITY: "electricity_kwh",
            calc.FUEL: "fuel_quantity",
            calc.WATER: "water_m3",
            calc.MATERIALS: "materials_hkd",
            calc.VOC: "voc_kg",
        }
        industry = estimate.answers.industry
        for use in estimate.uses:
            if use.typical:
                self._describe(
                    use_fields[use.resource],
                    help_text=blank(
                        _("typical for %(industry)s, %(value)s")
                        % {
                            "industry": industry.name,
                            "value": num(use.quantity, "exact"),
                        }
                    ),
                )
        if estimate.rate is not None and estimate.rate.record is not None:
            record = estimate.rate.record
            self._describe(
                "rmb_per_hkd",
                help_text=blank(f"{num(record.per_hkd, 'exact')} ({record.year})"),
            )
        for name, end_use in self.share_fields.items():
            self._describe(
                name,
                help_text=blank(
                    _("typically %(share)s") % {"share": percent(end_use.default_share)}
                ),
            )
        for name, measure in self.capacity_fields.items():
            self._describe(
                name,
                label=f"{measure.name} ({measure.capacity_unit})",
                help_text=blank(
                    _("typical size %(value)s")
                    % {"value": num(measure.typical_capacity or 0, "exact")}
                ),
            )

    def answers(self, **extra) -> Answers:
        data = self.cleaned_data
        shares = {
            end_use.code: data[name]
            for name, end_use in self.share_fields.items()
            if data.get(name) is not None
        }
        capacities = {
            measure.slug: data[name]
            for name, measure in self.capacity_fields.items()
            if data.get(name) is not None
        }
        return super().answers(
            electricity_price=data.get("electricity_price"),
            water_m3=data.get("water_m3"),
            water_price=data.get("water_price"),
            materials_hkd=data.get("materials_hkd"),
            voc_kg=data.get("voc_kg"),
            rmb_per_hkd=data.get("rmb_per_hkd"),
            shares=shares,
            capacities=capacities,
            **extra,
        )
