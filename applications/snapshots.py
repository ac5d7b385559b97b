"""What an application says, as plain JSON: frozen at each submission, shown to check.

The same structure is stored in ApplicationVersion.content and shown on the "check
your answers" page, so what the applicant checks is exactly what gets recorded.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Q

from .models import Application, Attachment
from .steps import steps_for

SCHEMA = 1


def _translations(obj, name: str) -> dict:
    return {
        "en": getattr(obj, f"{name}_en", None) or getattr(obj, name),
        "zh-hant": getattr(obj, f"{name}_zh_hant", None) or "",
        "zh-hans": getattr(obj, f"{name}_zh_hans", None) or "",
    }


def _documents(application: Application) -> list[dict]:
    owners = Q(application=application, message=None) & ~Q(kind="answer")
    owners |= Q(
        organisation=application.organisation_id,
        factory=None,
        application=None,
        message=None,
    )
    if application.factory_id:
        owners |= Q(factory=application.factory_id, application=None, message=None)
    files = Attachment.objects.filter(owners, removed_at=None).order_by("created_at")
    return [
        {
            "uuid": f.uuid,
            "kind": f.kind,
            "owner": "application"
            if f.application_id
            else ("factory" if f.factory_id else "organisation"),
            "original_name": f.original_name,
            "size": f.size,
            "content_type": f.content_type,
            "sha256": f.sha256,
        }
        for f in files
    ]


def _factory(application: Application) -> dict | None:
    factory = application.factory
    if factory is None:
        return None
    return {
        "id": factory.pk,
        "name": factory.name,
        "address": factory.address,
        "location": factory.location,
        "connection_test": factory.connection_test,
        "industry": factory.industry,
        "industry_other": factory.industry_other,
        "employees": factory.employees,
        "main_processes": factory.main_processes,
        "baseline_year": factory.baseline_year,
        "baseline_electricity_kwh": factory.baseline_electricity_kwh,
        "baseline_water_m3": factory.baseline_water_m3,
        "fuels": [
            {
                "fuel": fuel.fuel,
                "description": fuel.description,
                "annual_quantity": fuel.annual_quantity,
                "unit": fuel.unit,
            }
            for fuel in factory.fuels.all()
        ],
    }


def build_snapshot(application: Application) -> dict:
    """The application's content now, as JSON-ready data (dates and decimals as text)."""
    organisation = application.organisation
    scheme = application.scheme
    kind = scheme.kind
    field_names = [
        name
        for step in steps_for(kind)
        for name in step.fields_for(kind)
        if name not in {"factory", "etsp"}
    ]
    etsp = application.etsp
    data = {
        "schema": SCHEMA,
        "reference": application.reference,
        "scheme": {
            "id": scheme.pk,
            "kind": kind,
            "code": scheme.code,
            "label": _translations(scheme, "label"),
            "phase": {
                "code": scheme.phase.code,
                "name": _translations(scheme.phase, "name"),
            },
            "funding_share": scheme.funding_share,
            "ceiling_hkd": scheme.ceiling_hkd,
            "max_duration_months": scheme.max_duration_months,
        },
        "organisation": {
            "id": organisation.pk,
            "kind": organisation.kind,
            "name_en": organisation.name_en,
            "name_zh": organisation.name_zh,
            "br_number": organisation.br_number,
            "address": organisation.address,
            "phone": organisation.phone,
            "email": organisation.email,
            "website": organisation.website,
            "contacts": [
                {
                    "name": c.name,
                    "position": c.position,
                    "phone": c.phone,
                    "email": c.email,
                }
                for c in organisation.contacts.all()
            ],
        },
        "factory": _factory(application),
        "fields": {name: getattr(application, name) for name in field_names},
        "etsp": {"id": etsp.pk, "name": _translations(etsp, "name")} if etsp else None,
        "cost_lines": [
            {
                "item": line.item,
                "supplier": line.supplier,
                "quotation_ref": line.quotation_ref,
                "amount_hkd": line.amount_hkd,
            }
            for line in application.cost_lines.all()
        ],
        "eligible_cost_hkd": application.eligible_cost_hkd,
        "funding_share": application.funding_share,
        "ceiling_hkd": application.ceiling_hkd,
        "requested_grant_hkd": application.requested_grant_hkd,
        "needs_committee_decision": application.needs_committee_decision,
        "documents": _documents(application),
    }
    # Round-trip so that a fresh snapshot and a stored one have the same types.
    return json.loads(json.dumps(data, cls=DjangoJSONEncoder))
