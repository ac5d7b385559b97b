"""Server-rendered SVG charts: no script, nothing to load, the same in the PDF.

Each chart is an image with a title and a description for screen readers, and the
page puts the table with the same figures right after it (``aria-describedby``).
Colours are presentation attributes (a strict CSP allows them) with at least 3:1
contrast against white.
"""

import math
from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

BLUE = "#0b5ed7"
GREEN = "#146c43"
GREY = "#6c757d"
LIGHT = "#dee2e6"
TEXT = "#212529"
FONT = 'font-family="system-ui, sans-serif"'


def _nice_max(value: float) -> float:
    """A round axis maximum at or above ``value`` (1, 2, 5 x 10^n)."""
    if value <= 0:
        return 1
    exponent = math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        candidate = step * 10**exponent
        if candidate >= value:
            return candidate
    return 10 ** (exponent + 1)


def _open(
    chart_id: str, width: int, height: int, title: str, desc: str, size: str = ""
) -> str:
    return (
        f'<svg class="report-chart" id="{chart_id}" viewBox="0 0 {width} {height}" '
        f"{size}"
        f'role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" '
        f'xmlns="http://www.w3.org/2000/svg" {FONT} font-size="12">'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(desc)}</desc>'
    )


def _fmt(value: float) -> str:
    return f"{value:,.0f}"


def line_chart(
    *,
    chart_id: str,
    title: str,
    desc: str,
    labels: list[str],
    series: list[tuple[str, list[int], str]],
) -> SafeString:
    """Lines over time: ``series`` is [(name, values, colour)], one value per label."""
    width, height = 720, 280
    left, right, top, bottom = 48, 16, 16, 64
    plot_w, plot_h = width - left - right, height - top - bottom
    highest = max((max(v, default=0) for _n, v, _c in series), default=0)
    peak = 4 * max(1, _nice_max(highest / 4))  # four whole-number steps
    n = max(len(labels), 1)

    def x(i: int) -> float:
        return left + (plot_w * (i / (n - 1) if n > 1 else 0.5))

    def y(v: float) -> float:
        return top + plot_h - plot_h * v / peak

    parts = [_open(chart_id, width, height, title, desc)]
    for tick in range(5):
        value = peak * tick / 4
        parts.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y(value):.1f}" '
            f'y2="{y(value):.1f}" stroke="{LIGHT}"/>'
            f'<text x="{left - 6}" y="{y(value) + 4:.1f}" text-anchor="end" '
            f'fill="{TEXT}">{_fmt(value)}</text>'
        )
    every = max(1, math.ceil(n / 12))
    for i, label in enumerate(labels):
        if i % every == 0 or i == n - 1:
            parts.append(
                f'<text x="{x(i):.1f}" y="{top + plot_h + 16}" text-anchor="middle" '
                f'fill="{TEXT}">{escape(label)}</text>'
            )
    for name, values, colour in series:
        points = " ".join(f"{x(i):.1f},{y(v):.1f}" for i, v in enumerate(values))
        parts.append(
            f'<polyline points="{points}" fill="none" stroke="{colour}" '
            f'stroke-width="2.5"><title>{escape(name)}</title></polyline>'
        )
        if len(values) <= 36:
            parts.extend(
                f'<circle cx="{x(i):.1f}" cy="{y(v):.1f}" r="3" fill="{colour}"/>'
                for i, v in enumerate(values)
            )
    for k, (name, _values, colour) in enumerate(series):
        lx = left + k * 200
        parts.append(
            f'<rect x="{lx}" y="{height - 24}" width="14" height="14" fill="{colour}"/>'
            f'<text x="{lx + 20}" y="{height - 12}" fill="{TEXT}">{escape(name)}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped


def bar_chart(
    *,
    chart_id: str,
    title: str,
    desc: str,
    bars: list[tuple[str, float]],
    colour: str = BLUE,
) -> SafeString:
    """Horizontal bars, one per (label, value), with the value at the bar's end."""
    label_w, row_h, width = 260, 26, 720
    height = max(row_h * len(bars) + 16, 40)
    plot_w = width - label_w - 90
    peak = max((v for _l, v in bars), default=0) or 1
    parts = [_open(chart_id, width, height, title, desc)]
    for i, (label, value) in enumerate(bars):
        top = 8 + i * row_h
        length = plot_w * float(value) / float(peak)
        parts.append(
            f'<text x="{label_w - 8}" y="{top + 16}" text-anchor="end" '
            f'fill="{TEXT}">{escape(label)}</text>'
            f'<rect x="{label_w}" y="{top + 3}" width="{length:.1f}" height="{row_h - 8}" '
            f'fill="{colour}"/>'
            f'<text x="{label_w + length + 6:.1f}" y="{top + 16}" '
            f'fill="{TEXT}">{_fmt(float(value))}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped


def gauge(
    *,
    chart_id: str,
    title: str,
    desc: str,
    committed: Decimal,
    paid: Decimal,
    budget: Decimal | None,
    committed_label: str,
    paid_label: str,
) -> SafeString:
    """A half-circle gauge of the budget: committed and, inside it, paid."""
    width, height, cx, cy, r = 360, 220, 180, 180, 140

    def arc(fraction: float, radius: float) -> str:
        fraction = min(max(fraction, 0.0), 1.0)
        angle = math.pi * (1 - fraction)
        ex, ey = cx + radius * math.cos(angle), cy - radius * math.sin(angle)
        return f"M {cx - radius} {cy} A {radius} {radius} 0 0 1 {ex:.2f} {ey:.2f}"

    share = float(committed / budget) if budget else 0.0
    paid_share = float(paid / budget) if budget else 0.0
    size = f'width="{width}" height="{height}" '
    parts = [_open(chart_id, width, height, title, desc, size)]
    parts.append(
        f'<path d="{arc(1, r)}" fill="none" stroke="{LIGHT}" stroke-width="28"/>'
    )
    if share > 0:
        parts.append(
            f'<path d="{arc(share, r)}" fill="none" stroke="{BLUE}" stroke-width="28"/>'
        )
    if paid_share > 0:
        parts.append(
            f'<path d="{arc(paid_share, r - 30)}" fill="none" stroke="{GREEN}" '
            f'stroke-width="18"/>'
        )
    parts.append(
        f'<text x="{cx}" y="{cy - 20}" text-anchor="middle" font-size="28" '
        f'fill="{TEXT}">{share * 100:.1f}%</text>'
        f'<rect x="20" y="{height - 18}" width="12" height="12" fill="{BLUE}"/>'
        f'<text x="36" y="{height - 8}" fill="{TEXT}">{escape(committed_label)}</text>'
        f'<rect x="200" y="{height - 18}" width="12" height="12" fill="{GREEN}"/>'
        f'<text x="216" y="{height - 8}" fill="{TEXT}">{escape(paid_label)}</text>'
    )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped
