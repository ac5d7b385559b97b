"""What the dashboard page and its PDF show for a filter, in the active language."""

from decimal import Decimal

from django.utils.translation import gettext as _

from . import charts, selectors
from .filters import ReportFilterForm, ReportFilters
from .tables import COUNT, DAYS, Labels, build_tables, format_value


def _charts(dashboard, tables) -> dict:
    by_slug = {t.slug: t for t in tables}
    months = by_slug["applications-by-month"].rows
    by_year = len(months) > 24
    if by_year:
        months = by_slug["applications-by-year"].rows
    industries = by_slug["applications-by-industry"].rows
    money = dashboard.money_total
    titles = {
        "trend_title": _("Applications received and approved by year of submission")
        if by_year
        else _("Applications received and approved by month of submission"),
        "industry_title": _("Applications received by industry"),
        "budget_title": _("Share of the budget committed and paid"),
    }
    return {
        **titles,
        "trend_by_year": by_year,
        "trend": charts.line_chart(
            chart_id="chart-trend",
            title=titles["trend_title"],
            desc=_("The table after this chart gives the figures."),
            labels=[str(row[0]) for row in months]
            if by_year
            else [f"{m:%Y-%m}" for m in selectors.month_range(dashboard.by_month)],
            series=[
                (_("Received"), [row[1] for row in months], charts.BLUE),
                (_("Approved"), [row[2] for row in months], charts.GREEN),
            ],
        ),
        "industry": charts.bar_chart(
            chart_id="chart-industry",
            title=titles["industry_title"],
            desc=_("The table after this chart gives the figures."),
            bars=[(row[0], row[1]) for row in industries],
        ),
        "budget": charts.gauge(
            chart_id="chart-budget",
            title=titles["budget_title"],
            desc=_("The table after this chart gives the figures."),
            committed=money.committed,
            paid=money.paid,
            budget=money.budget,
            committed_label=_("Committed"),
            paid_label=_("Paid"),
        ),
    }


def _cards(dashboard) -> dict[str, str]:
    """The headline figures above the tables, formatted like the tables."""
    money = dashboard.money_total
    rate = dashboard.totals.approval_rate
    co2 = dashboard.benefits.totals.get("co2_avoided_tonnes", Decimal("0"))
    return {
        "received": format_value(dashboard.totals.received, COUNT),
        "approval_rate": "–" if rate is None else f"{rate}%",
        "median_days": format_value(dashboard.median_days, DAYS),
        "committed": format_value(money.committed, COUNT),
        "paid": format_value(money.paid, COUNT),
        "co2": format_value(co2, COUNT),
    }


def dashboard_context(*, filters: ReportFilters) -> dict:
    """What the page and the PDF show for ``filters``, in the active language."""
    dashboard = selectors.dashboard_get(filters=filters)
    labels = Labels()
    tables = build_tables(dashboard, labels)
    return {
        "dashboard": dashboard,
        "tables": {t.slug.replace("-", "_"): t for t in tables},
        "cards": _cards(dashboard),
        "table_list": tables,
        "charts": _charts(dashboard, tables),
        "filters": filters,
        "querystring": filters.querystring(),
        "filter_labels": filter_labels(filters, labels),
    }


def filter_labels(filters: ReportFilters, labels: Labels) -> list[tuple[str, str]]:
    """The filter in words, for the page's summary and the PDF."""
    form = ReportFilterForm()
    shown = []
    if filters.date_from:
        shown.append((_("Submitted from"), filters.date_from.isoformat()))
    if filters.date_to:
        shown.append((_("Submitted to"), filters.date_to.isoformat()))
    if filters.phase:
        shown.append((_("Phase"), labels.phase(filters.phase)))
    for name in ("scheme", "industry", "location"):
        value = getattr(filters, name)
        if value:
            choices = {}
            for key, label in form.fields[name].choices:
                if isinstance(label, list | tuple):
                    choices.update(dict(label))
                else:
                    choices[key] = label
            shown.append((str(form.fields[name].label), str(choices.get(value, value))))
    return shown
