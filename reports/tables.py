"""The dashboard's figures as labelled tables, in the reader's language.

The page, the CSV and XLSX exports and the PDF all show these same tables, so an
export always matches what EPD saw. Values stay ``int`` or ``Decimal``; a column's
``kind`` says how to format it.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils import formats
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from applications.models import FundingScheme, Phase
from applications.models.organisations import FuelType, FuelUnit
from core.choices import Industry, Location

from .selectors import CountRow, Dashboard, MoneyRow, month_range

TEXT, COUNT, MONEY, PERCENT, DAYS, QUANTITY = (
    "text",
    "count",
    "money",
    "percent",
    "days",
    "quantity",
)


@dataclass
class Column:
    title: str
    kind: str = TEXT


@dataclass
class Table:
    slug: str
    title: str
    columns: list[Column]
    rows: list[list]
    note: str = ""
    footer: list | None = None
    # Per-row kinds of the last column, for a table whose rows differ (the summary).
    kinds: list[str] | None = None

    @property
    def all_rows(self) -> list[list]:
        return self.rows + ([self.footer] if self.footer else [])

    def _formatted(self, row: list, index: int) -> list[str]:
        kinds = [c.kind for c in self.columns]
        if self.kinds is not None:
            kinds[-1] = self.kinds[index]
        return [
            (format_value(v, k), k != TEXT) for v, k in zip(row, kinds, strict=True)
        ]

    @property
    def display_rows(self) -> list[list[tuple[str, bool]]]:
        """Each cell as (text, is a number) for the page and the PDF."""
        return [self._formatted(row, i) for i, row in enumerate(self.rows)]

    @property
    def display_footer(self) -> list[tuple[str, bool]] | None:
        return self._formatted(self.footer, 0) if self.footer else None

    @property
    def numeric(self) -> list[bool]:
        return [c.kind != TEXT for c in self.columns]


TABLE_TITLES: dict[str, Promise] = {
    "summary": gettext_lazy("Key figures"),
    "applications-by-scheme": gettext_lazy("Applications by scheme"),
    "applications-by-phase": gettext_lazy("Applications by phase"),
    "applications-by-industry": gettext_lazy("Applications by industry"),
    "applications-by-location": gettext_lazy("Applications by location"),
    "applications-by-year": gettext_lazy("Applications by year of submission"),
    "applications-by-month": gettext_lazy("Applications by month of submission"),
    "money-by-phase": gettext_lazy("Grants against each phase's budget"),
    "money-by-scheme": gettext_lazy("Grants by scheme"),
    "money-by-industry": gettext_lazy("Grants by industry"),
    "benefits": gettext_lazy("Environmental benefits of verified final reports"),
    "fuel-saved": gettext_lazy("Fuel saved"),
}
TABLE_SLUGS = tuple(TABLE_TITLES)


class Labels:
    """Names for the keys the figures are grouped by (two queries, whatever the data)."""

    def __init__(self):
        self.phases = {p.pk: p.name for p in Phase.objects.all()}
        self.schemes = {
            s.pk: f"{s.phase.name} · {s.code}"
            for s in FundingScheme.objects.select_related("phase")
        }

    def phase(self, key) -> str:
        return self.phases.get(key, "?")

    def scheme(self, key) -> str:
        return self.schemes.get(key, "?")

    @staticmethod
    def industry(key) -> str:
        if key is None:
            return _("No factory (association support)")
        return str(Industry(key).label) if key in Industry.values else key

    @staticmethod
    def location(key) -> str:
        if key is None:
            return _("No factory (association support)")
        return str(Location(key).label) if key in Location.values else key

    @staticmethod
    def month(key: date) -> str:
        return formats.date_format(key, "YEAR_MONTH_FORMAT")


def _count_columns(first: str) -> list[Column]:
    return [
        Column(first),
        Column(_("Received"), COUNT),
        Column(_("Approved"), COUNT),
        Column(_("Rejected"), COUNT),
        Column(_("Withdrawn"), COUNT),
        Column(_("Pending"), COUNT),
        Column(_("Approval rate (%)"), PERCENT),
    ]


def _count_row(label: str, row: CountRow) -> list:
    return [
        label,
        row.received,
        row.approved,
        row.rejected,
        row.withdrawn,
        row.pending,
        row.approval_rate,
    ]


def _count_table(slug, first, rows, label, totals) -> Table:
    return Table(
        slug=slug,
        title=str(TABLE_TITLES[slug]),
        columns=_count_columns(first),
        rows=[_count_row(label(r.key), r) for r in rows],
        footer=_count_row(_("Total"), totals),
    )


def _money_table(slug, first, rows: list[MoneyRow], label, total: MoneyRow) -> Table:
    columns = [
        Column(first),
        Column(_("Committed (HK$)"), MONEY),
        Column(_("Paid (HK$)"), MONEY),
        Column(_("Committed, not yet paid (HK$)"), MONEY),
    ]

    def line(name, row):
        return [name, row.committed, row.paid, row.unpaid]

    return Table(
        slug=slug,
        title=str(TABLE_TITLES[slug]),
        columns=columns,
        rows=[line(label(r.key), r) for r in rows],
        footer=line(_("Total"), total),
    )


BENEFIT_NAMES = {
    "electricity_saved_kwh": (gettext_lazy("Electricity saved"), "MWh"),
    "co2_avoided_tonnes": (gettext_lazy("CO₂ avoided"), gettext_lazy("tonnes")),
    "nox_reduced_kg": (gettext_lazy("NOx reduced"), "kg"),
    "so2_reduced_kg": (gettext_lazy("SO₂ reduced"), "kg"),
    "pm_reduced_kg": (gettext_lazy("Particulates reduced"), "kg"),
    "voc_reduced_kg": (gettext_lazy("VOC reduced"), "kg"),
    "water_saved_m3": (gettext_lazy("Water saved"), "m³"),
    "effluent_reduced_m3": (gettext_lazy("Effluent reduced"), "m³"),
}
KWH_PER_MWH = Decimal("1000")


def benefit_rows(dashboard: Dashboard) -> list[list]:
    """[name, unit, total a year, per HK$1 million of grant] for each benefit."""
    benefits = dashboard.benefits
    rows = []
    for name in BENEFIT_NAMES:
        label, unit = BENEFIT_NAMES[name]
        total = benefits.totals.get(name, Decimal("0"))
        per_million = benefits.per_million(name)
        if name == "electricity_saved_kwh":  # shown in MWh
            total = total / KWH_PER_MWH
            per_million = None if per_million is None else per_million / KWH_PER_MWH
        rows.append([str(label), str(unit), total, per_million])
    return rows


def _fuel_label(value: str) -> str:
    return str(FuelType(value).label) if value in FuelType.values else value


def _unit_label(value: str) -> str:
    return str(FuelUnit(value).label) if value in FuelUnit.values else value


def _by_year(months: list[CountRow]) -> list[CountRow]:
    """Monthly rows (already aggregates, a few hundred at most) summed by year."""
    years: dict[int, CountRow] = {}
    for row in months:
        year = years.setdefault(row.key.year, CountRow(key=row.key.year))
        for name in ("received", "approved", "rejected", "withdrawn", "pending"):
            setattr(year, name, getattr(year, name) + getattr(row, name))
    if years:
        for key in range(min(years), max(years) + 1):
            years.setdefault(key, CountRow(key=key))
    return [years[key] for key in sorted(years)]


def build_tables(dashboard: Dashboard, labels: Labels | None = None) -> list[Table]:
    """Every table of the dashboard, in the active language, in page order."""
    labels = labels or Labels()
    d = dashboard
    money = d.money_total
    months = {r.key: r for r in d.by_month}
    summary_rows = [
        [_("Applications received"), d.totals.received, COUNT],
        [_("Approved"), d.totals.approved, COUNT],
        [_("Rejected"), d.totals.rejected, COUNT],
        [_("Withdrawn"), d.totals.withdrawn, COUNT],
        [_("Pending a decision"), d.totals.pending, COUNT],
        [_("Approval rate (%)"), d.totals.approval_rate, PERCENT],
        [_("Median days from submission to decision"), d.median_days, DAYS],
        [_("90th percentile days from submission to decision"), d.p90_days, DAYS],
        [_("Grants committed (HK$)"), money.committed, MONEY],
        [_("Grants paid (HK$)"), money.paid, MONEY],
        [_("Budget of the phases shown (HK$)"), money.budget, MONEY],
        [_("Budget remaining (HK$)"), money.remaining, MONEY],
        [_("Verified final reports counted"), d.benefits.reports, COUNT],
    ]
    tables = [
        Table(
            slug="summary",
            title=str(TABLE_TITLES["summary"]),
            columns=[Column(_("Figure")), Column(_("Value"), "mixed")],
            rows=[[name, value] for name, value, _kind in summary_rows],
            kinds=[kind for _name, _value, kind in summary_rows],
        ),
        _count_table(
            "applications-by-scheme", _("Scheme"), d.by_scheme, labels.scheme, d.totals
        ),
        _count_table(
            "applications-by-phase", _("Phase"), d.by_phase, labels.phase, d.totals
        ),
        _count_table(
            "applications-by-industry",
            _("Industry"),
            d.by_industry,
            labels.industry,
            d.totals,
        ),
        _count_table(
            "applications-by-location",
            _("Location"),
            d.by_location,
            labels.location,
            d.totals,
        ),
        _count_table(
            "applications-by-year",
            _("Year"),
            _by_year(d.by_month),
            str,
            d.totals,
        ),
        _count_table(
            "applications-by-month",
            _("Month"),
            [months.get(m) or CountRow(key=m) for m in month_range(d.by_month)],
            labels.month,
            d.totals,
        ),
        Table(
            slug="money-by-phase",
            title=str(TABLE_TITLES["money-by-phase"]),
            columns=[
                Column(_("Phase")),
                Column(_("Budget (HK$)"), MONEY),
                Column(_("Committed (HK$)"), MONEY),
                Column(_("Paid (HK$)"), MONEY),
                Column(_("Remaining (HK$)"), MONEY),
                Column(_("Share of budget committed (%)"), PERCENT),
            ],
            rows=[
                [
                    labels.phase(r.key),
                    r.budget,
                    r.committed,
                    r.paid,
                    r.remaining,
                    r.committed_share,
                ]
                for r in d.money_by_phase
            ],
            footer=[
                _("Total"),
                money.budget,
                money.committed,
                money.paid,
                money.remaining,
                money.committed_share,
            ],
        ),
        _money_table(
            "money-by-scheme", _("Scheme"), d.money_by_scheme, labels.scheme, money
        ),
        _money_table(
            "money-by-industry",
            _("Industry"),
            d.money_by_industry,
            labels.industry,
            money,
        ),
        Table(
            slug="benefits",
            title=str(TABLE_TITLES["benefits"]),
            columns=[
                Column(_("Benefit")),
                Column(_("Unit")),
                Column(_("Total a year"), QUANTITY),
                Column(_("Per HK$1 million of grant"), QUANTITY),
            ],
            rows=benefit_rows(d),
            note=_(
                "From %(reports)s verified final reports, for which grants of "
                "HK$%(grant)s were approved."
            )
            % {
                "reports": d.benefits.reports,
                "grant": format_value(d.benefits.grant, MONEY),
            },
        ),
        Table(
            slug="fuel-saved",
            title=str(TABLE_TITLES["fuel-saved"]),
            columns=[
                Column(_("Fuel")),
                Column(_("Unit")),
                Column(_("Saved a year"), QUANTITY),
                Column(_("CO₂ avoided (tonnes a year)"), QUANTITY),
            ],
            rows=[
                [
                    _fuel_label(f.fuel),
                    _unit_label(f.unit),
                    f.saved,
                    f.co2_avoided_tonnes,
                ]
                for f in d.benefits.fuels
            ],
        ),
    ]
    return tables


def format_value(value, kind: str) -> str:
    """A cell as the page and the PDF show it (exports keep the raw value).

    Thousands are grouped with commas in every language, as Hong Kong writes money.
    """
    if value is None:
        return "–"
    places = {COUNT: 0, MONEY: 2, PERCENT: 1, DAYS: 1, QUANTITY: 3}.get(kind)
    if places is None:
        return str(value)
    return f"{Decimal(value):,.{places}f}"
