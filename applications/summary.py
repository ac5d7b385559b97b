"""A snapshot (snapshots.py) as sections of labelled answers, in the active language.

Used by "check your answers", the submitted-version page and the admin, so the
applicant, the Secretariat and the record all read the same thing.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db import models
from django.utils import translation
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from core.choices import Industry, Location
from core.templatetags.portal import hkd

from .models import Application, ConnectionTest, DocumentKind, FuelType, FuelUnit
from .steps import COSTS, DECLARATIONS, DOCUMENTS, PROJECT, step_title, steps_for


@dataclass
class Row:
    label: str
    value: str
    multiline: bool = False


@dataclass
class Section:
    title: str
    step: str | None
    rows: list[Row] = field(default_factory=list)
    table: list[dict] | None = None
    documents: list[dict] | None = None


def _label(name: str) -> str:
    return capfirst(Application._meta.get_field(name).verbose_name)


def _value(name: str, value) -> str:
    if value in (None, ""):
        return "—"
    model_field = Application._meta.get_field(name)
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(model_field, models.BooleanField):
        return _("Yes") if value else _("No")
    if isinstance(model_field, models.DateField):
        return date_format(date.fromisoformat(value), "DATE_FORMAT")
    if isinstance(model_field, models.DecimalField):
        if name.endswith("_hkd"):
            return hkd(value)
        return _number(value)
    return str(value)


def _number(value) -> str:
    if value in (None, ""):
        return "—"
    number = Decimal(str(value))
    places = 0 if number == number.to_integral_value() else 2
    return f"{number:,.{places}f}"


def _translated(values: dict) -> str:
    language = translation.get_language() or "en"
    return values.get(language) or values.get("en") or ""


def _factory_rows(factory: dict | None) -> list[Row]:
    if not factory:
        return [Row(_("Factory"), "—")]
    industry = str(Industry(factory["industry"]).label)
    if factory["industry"] == Industry.OTHER:
        industry = f"{industry}: {factory['industry_other']}"
    fuels = "; ".join(
        f"{FuelType(f['fuel']).label}{' (' + f['description'] + ')' if f['description'] else ''}: "
        f"{_number(f['annual_quantity'])} {FuelUnit(f['unit']).label}"
        for f in factory["fuels"]
    )
    return [
        Row(_("Factory"), factory["name"]),
        Row(_("Factory address"), factory["address"]),
        Row(_("Location"), str(Location(factory["location"]).label)),
        Row(
            _("Connection with the Hong Kong business"),
            str(ConnectionTest(factory["connection_test"]).label),
        ),
        Row(_("Industry"), industry),
        Row(_("Number of employees"), _number(factory["employees"])),
        Row(_("Main production processes"), factory["main_processes"], True),
        Row(
            _("Annual electricity use (kWh)"),
            _number(factory["baseline_electricity_kwh"]),
        ),
        Row(_("Annual water use (m³)"), _number(factory["baseline_water_m3"])),
        Row(_("Annual fuel use"), fuels or "—"),
    ]


def _organisation_section(organisation: dict) -> Section:
    contacts = "\n".join(
        ", ".join(v for v in (c["name"], c["position"], c["phone"], c["email"]) if v)
        for c in organisation["contacts"]
    )
    return Section(
        _("Organisation"),
        None,
        [
            Row(_("Name in English"), organisation["name_en"]),
            Row(_("Name in Chinese"), organisation["name_zh"] or "—"),
            Row(_("Business Registration number"), organisation["br_number"] or "—"),
            Row(_("Address"), organisation["address"]),
            Row(_("Contact persons"), contacts or "—", True),
        ],
    )


def answer_sections(snapshot: dict) -> list[Section]:
    """The snapshot's answers, section by section, ready for a template."""
    kind = snapshot["scheme"]["kind"]
    fields = snapshot["fields"]
    sections = [_organisation_section(snapshot["organisation"])]
    for step in steps_for(kind):
        section = Section(str(step_title(step, kind)), step.slug)
        if step.slug == PROJECT:
            section.rows.append(Row(_label("title"), fields.get("title") or "—"))
            if kind != "OS":
                section.rows += _factory_rows(snapshot["factory"])
            for name in ("planned_start", "planned_end"):
                section.rows.append(Row(_label(name), _value(name, fields.get(name))))
        elif step.slug == COSTS:
            section.table = snapshot["cost_lines"]
            section.rows = [
                Row(_("Total eligible cost"), hkd(snapshot["eligible_cost_hkd"])),
                Row(_("Grant requested"), hkd(snapshot["requested_grant_hkd"])),
            ]
        elif step.slug == DOCUMENTS:
            section.documents = [
                {**d, "label": DocumentKind(d["kind"]).label}
                for d in snapshot["documents"]
            ]
        else:
            for name in step.fields_for(kind):
                if name == "etsp":
                    etsp = snapshot["etsp"]
                    value = _translated(etsp["name"]) if etsp else "—"
                else:
                    value = _value(name, fields.get(name))
                multiline = isinstance(
                    Application._meta.get_field(name), models.TextField
                )
                label = _label(name)
                if step.slug == DECLARATIONS:
                    label = str(Application._meta.get_field(name).verbose_name)
                section.rows.append(Row(label, value, multiline))
        sections.append(section)
    return sections
