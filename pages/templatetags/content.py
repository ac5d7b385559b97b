"""Secretariat text to safe HTML: paragraphs and lists, everything else escaped."""

import re
from decimal import Decimal

from django import template
from django.utils import numberformat
from django.utils.html import format_html_join, urlize
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

register = template.Library()

BULLET = re.compile(r"^[-•*]\s+")
NUMBER = re.compile(r"^\d+[.)]\s+")


def _line(text: str) -> str:
    return urlize(text, nofollow=True, autoescape=True)


def _block(lines: list[str]) -> str:
    if all(BULLET.match(line) for line in lines):
        items = ((mark_safe(_line(BULLET.sub("", line))),) for line in lines)  # noqa: S308 - urlize escaped it
        return "<ul>" + format_html_join("", "<li>{}</li>", items) + "</ul>"
    if all(NUMBER.match(line) for line in lines):
        items = ((mark_safe(_line(NUMBER.sub("", line))),) for line in lines)  # noqa: S308 - urlize escaped it
        return "<ol>" + format_html_join("", "<li>{}</li>", items) + "</ol>"
    return "<p>" + "<br>".join(_line(line) for line in lines) + "</p>"


@register.filter
def prose(text: str) -> str:
    """Blank lines separate paragraphs; "- " lines make a list, "1. " lines a numbered one."""
    if not text:
        return ""
    blocks, current = [], []
    for raw in str(text).replace("\r\n", "\n").split("\n"):
        line = raw.strip()
        if line:
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return mark_safe("\n".join(_block(block) for block in blocks))  # noqa: S308 - every line escaped


@register.filter
def site_link(address: str) -> str:
    """An address on this site gets the current language; others are left alone."""
    if address.startswith("/") and not address.startswith("//"):
        return f"/{get_language()}{address}"
    return address


@register.filter
def grouped(value, places: int = 0) -> str:
    """1234567.8 -> "1,234,568": thousands grouped the Hong Kong way in every language."""
    if value is None or value == "":
        return "—"
    amount = Decimal(value).quantize(Decimal(1).scaleb(-int(places)))
    return numberformat.format(
        amount, ".", int(places), grouping=3, thousand_sep=",", force_grouping=True
    )
