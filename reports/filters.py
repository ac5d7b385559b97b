"""The dashboard's filters: a form for the query string, and the filter value the
figures are computed from (hashable, so it is also the cache key)."""

from dataclasses import asdict, dataclass
from datetime import date, datetime, time, timedelta
from urllib.parse import urlencode

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from applications.models import Phase, SchemeKind
from core.choices import Industry, Location, Region

# Applications without a factory (association support) have no industry or location.
NONE = "none"


@dataclass(frozen=True)
class ReportFilters:
    """Which applications every figure covers: submitted in the period, of the phase,
    scheme kind, industry and location (a region or one district or city)."""

    date_from: date | None = None
    date_to: date | None = None
    phase: int | None = None
    scheme: str = ""
    industry: str = ""
    location: str = ""

    def application_q(self, prefix: str = "") -> Q:
        """The condition on applications, reached from another model via ``prefix``
        (e.g. ``"application__"``): a join, never a list of ids."""
        p = prefix
        q = Q(**{f"{p}submitted_at__isnull": False})
        tz = timezone.get_current_timezone()
        if self.date_from:
            start = datetime.combine(self.date_from, time.min, tzinfo=tz)
            q &= Q(**{f"{p}submitted_at__gte": start})
        if self.date_to:
            end = datetime.combine(
                self.date_to + timedelta(days=1), time.min, tzinfo=tz
            )
            q &= Q(**{f"{p}submitted_at__lt": end})
        if self.phase:
            q &= Q(**{f"{p}scheme__phase_id": self.phase})
        if self.scheme:
            q &= Q(**{f"{p}scheme__kind": self.scheme})
        if self.industry == NONE:
            q &= Q(**{f"{p}factory__isnull": True})
        elif self.industry:
            q &= Q(**{f"{p}factory__industry": self.industry})
        if self.location == NONE:
            q &= Q(**{f"{p}factory__isnull": True})
        elif self.location in Region.values:
            q &= Q(**{f"{p}factory__location__startswith": f"{self.location.lower()}-"})
        elif self.location:
            q &= Q(**{f"{p}factory__location": self.location})
        return q

    def to_json(self) -> dict:
        return {
            k: v.isoformat() if isinstance(v, date) else v
            for k, v in asdict(self).items()
            if v
        }

    @classmethod
    def from_json(cls, data: dict) -> "ReportFilters":
        values = dict(data)
        for name in ("date_from", "date_to"):
            if values.get(name):
                values[name] = date.fromisoformat(values[name])
        return cls(**values)

    @property
    def is_filtered(self) -> bool:
        return any(asdict(self).values())

    def querystring(self) -> str:
        """The filter as a query string, for links that keep it (exports, charts)."""
        return urlencode(self.to_json())


def location_choices():
    return [
        ("", _("All locations")),
        (NONE, _("No factory (association support)")),
        (_("Regions"), [(r.value, r.label) for r in Region]),
        (
            Region.HONG_KONG.label,
            [(loc.value, loc.label) for loc in Location.in_region("HK")],
        ),
        (
            Region.GUANGDONG.label,
            [(loc.value, loc.label) for loc in Location.in_region("GD")],
        ),
    ]


class ReportFilterForm(forms.Form):
    """The filter bar; read from GET, so the URL keeps the filter."""

    date_from = forms.DateField(
        label=_("Submitted from"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    date_to = forms.DateField(
        label=_("Submitted to"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    phase = forms.ModelChoiceField(
        label=_("Phase"),
        queryset=Phase.objects.order_by("-opens_on"),
        required=False,
        empty_label=_("All phases"),
    )
    scheme = forms.ChoiceField(
        label=_("Scheme"),
        required=False,
        choices=[("", _("All schemes")), *SchemeKind.choices],
    )
    industry = forms.ChoiceField(
        label=_("Industry"),
        required=False,
        choices=[
            ("", _("All industries")),
            *Industry.choices,
            (NONE, _("No factory (association support)")),
        ],
    )
    location = forms.ChoiceField(label=_("Location"), required=False, choices=())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["location"].choices = location_choices()
        for field in self.fields.values():
            css = (
                "form-select"
                if isinstance(field.widget, forms.Select)
                else "form-control"
            )
            field.widget.attrs["class"] = css

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            self.add_error(
                "date_to", _("The end of the period must not be before its start.")
            )
        return data

    def filters(self) -> ReportFilters:
        """The valid part of the filter (an invalid field counts as not given)."""
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        if self.is_bound and not self.is_valid():
            data = {k: v for k, v in self.cleaned_data.items() if k not in self.errors}
            if "date_to" in self.errors:
                data.pop("date_from", None)
        phase = data.get("phase")
        return ReportFilters(
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            phase=phase.pk if phase else None,
            scheme=data.get("scheme") or "",
            industry=data.get("industry") or "",
            location=data.get("location") or "",
        )
