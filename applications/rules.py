"""Funding and eligibility rules: pure functions, the one place the programme's rules live.

Nothing here reads the database: callers gather the facts (``checks.py``) and these
functions answer with amounts, or with refusals explained in plain words in the
language that is active.
"""

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_DOWN, Decimal

from dateutil.relativedelta import relativedelta
from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.choices import Region

from .models import (
    ConnectionTest,
    DocumentKind,
    OrganisationKind,
    RepeatReason,
    SchemeKind,
)

WHOLE_DOLLAR = Decimal("1")
REPEAT_ASSESSMENT_WAIT_YEARS = 5


@dataclass(frozen=True)
class Refusal:
    """A rule that is not met: a stable code for tests and a plain message for people."""

    code: str
    message: str

    def __str__(self) -> str:
        return self.message


# --- Money --------------------------------------------------------------------------


def grant_amount(
    *, eligible_cost: Decimal, share: Decimal, ceiling: Decimal | None
) -> Decimal:
    """min(share x eligible cost, ceiling), rounded down to the whole dollar."""
    if eligible_cost < 0:
        raise ValueError("eligible cost cannot be negative")
    amount = (eligible_cost * share).quantize(WHOLE_DOLLAR, rounding=ROUND_DOWN)
    if ceiling is not None:
        amount = min(amount, ceiling.quantize(WHOLE_DOLLAR, rounding=ROUND_DOWN))
    return amount


def grant_ceiling_refusal(*, grant: Decimal, ceiling: Decimal | None) -> Refusal | None:
    """A stored grant never exceeds its scheme's ceiling (the database checks it too)."""
    if ceiling is None or grant <= ceiling:
        return None
    message = _(
        "The grant (HK$%(grant)s) would exceed the scheme's ceiling (HK$%(ceiling)s)."
    )
    return Refusal(
        "grant_above_ceiling",
        message % {"grant": f"{grant:,.0f}", "ceiling": f"{ceiling:,.0f}"},
    )


def is_capped(
    *, eligible_cost: Decimal, share: Decimal, ceiling: Decimal | None
) -> bool:
    """True when the ceiling, not the share, sets the grant."""
    return ceiling is not None and eligible_cost * share > ceiling


# --- Refusals -----------------------------------------------------------------------


def _day(value: date) -> str:
    return date_format(value, "DATE_FORMAT")


# --- Business Registration number ---------------------------------------------------

# 12345678, 12345678-000, 12345678-000-01-25-1 (branch, expiry month-year, check).
_BR_PATTERN = re.compile(r"^(\d{8})(?:-(\d{3})(?:-(\d{2})-(\d{2})-([0-9A-Z]))?)?$")


def normalise_br_number(raw: str) -> str:
    """The 8-digit core of a Business Registration number, or ValueError in plain words."""
    compact = re.sub(r"[\s\u3000]+", "-", (raw or "").strip().upper())
    compact = re.sub(r"-+", "-", compact)
    match = _BR_PATTERN.match(compact)
    if not match:
        raise ValueError(
            _(
                "Enter the Business Registration number as on the certificate: "
                "8 digits, e.g. 12345678 or 12345678-000-01-25-1."
            )
        )
    return match.group(1)


# --- Who may apply for what ---------------------------------------------------------


class ApplicantKind(models.TextChoices):
    BUSINESS = "business", gettext_lazy("Hong Kong business with a factory")
    WORKSHOP = "workshop", gettext_lazy("Hong Kong workshop with polluting processes")
    ASSOCIATION = "association", gettext_lazy("Trade or industry association")


@dataclass(frozen=True)
class Admission:
    """Which kinds of applicant a scheme admits (FundingScheme.admits_*)."""

    business: bool
    workshop: bool
    association: bool

    @classmethod
    def of(cls, scheme) -> "Admission":
        return cls(
            business=scheme.admits_business,
            workshop=scheme.admits_workshop,
            association=scheme.admits_association,
        )

    def admits(self, kind: str) -> bool:
        return {
            ApplicantKind.BUSINESS: self.business,
            ApplicantKind.WORKSHOP: self.workshop,
            ApplicantKind.ASSOCIATION: self.association,
        }[kind]


def applicant_kind(*, organisation_kind: str, connection_test: str | None) -> str:
    """Business, workshop or association: what the scheme's admission rule looks at."""
    if organisation_kind == OrganisationKind.ASSOCIATION:
        return ApplicantKind.ASSOCIATION
    if connection_test == ConnectionTest.HK_WORKSHOP:
        return ApplicantKind.WORKSHOP
    return ApplicantKind.BUSINESS


def admission_refusal(
    *, kind: str, admits: Admission, scheme_label: str
) -> Refusal | None:
    """Refuse an applicant the scheme does not admit, saying what they may apply for."""
    if admits.admits(kind):
        return None
    if kind == ApplicantKind.WORKSHOP:
        message = _(
            "Workshops in Hong Kong with polluting processes can apply for "
            "Demonstration Projects only, not for the %(scheme)s."
        )
        return Refusal("workshop_not_admitted", message % {"scheme": scheme_label})
    if kind == ApplicantKind.ASSOCIATION:
        message = _(
            "Trade and industry associations can apply for the Organization Support "
            "Initiative only, not for the %(scheme)s."
        )
        return Refusal("association_not_admitted", message % {"scheme": scheme_label})
    message = _(
        "The %(scheme)s is for trade and industry associations. A business applies "
        "for an On-site Improvement Assessment or a Demonstration Project."
    )
    return Refusal("business_not_admitted", message % {"scheme": scheme_label})


def factory_location_refusal(
    *, location: str, connection_test: str | None
) -> Refusal | None:
    """The factory is in Hong Kong or Guangdong, on the side its connection test names."""
    if location.startswith("hk-"):
        region = Region.HONG_KONG
    elif location.startswith("gd-"):
        region = Region.GUANGDONG
    else:
        return Refusal(
            "factory_outside_region",
            _("The programme funds factories in Hong Kong and Guangdong only."),
        )
    if connection_test and ConnectionTest.region_of(connection_test) != region:
        message = _(
            "The factory is in %(region)s, but its connection with your business is "
            "for a factory in %(other)s. Correct the factory's details."
        )
        other = ConnectionTest.region_of(connection_test)
        return Refusal(
            "connection_region_mismatch",
            message % {"region": region.label, "other": other.label},
        )
    return None


def phase_refusal(
    *, opens_on: date, closes_on: date, on: date, phase_name: str
) -> Refusal | None:
    """Applications are accepted only while the phase's window is open (both days in)."""
    if on < opens_on:
        message = _("Applications for %(phase)s open on %(date)s.")
        return Refusal(
            "phase_not_open", message % {"phase": phase_name, "date": _day(opens_on)}
        )
    if on > closes_on:
        message = _(
            "Applications for %(phase)s closed on %(date)s. This application can no "
            "longer be submitted."
        )
        return Refusal(
            "phase_closed", message % {"phase": phase_name, "date": _day(closes_on)}
        )
    return None


def open_application_refusal(*, other_open: Sequence[str]) -> Refusal | None:
    """One open application per factory and scheme."""
    if not other_open:
        return None
    message = _(
        "This factory already has an open application under this scheme "
        "(%(applications)s). Finish or withdraw it before applying again."
    )
    return Refusal(
        "open_application_exists", message % {"applications": ", ".join(other_open)}
    )


# --- Repeat on-site assessment ------------------------------------------------------


@dataclass(frozen=True)
class EarlierAssessment:
    """A funded on-site assessment of the same factory; completed_on None = unfinished."""

    reference: str
    completed_on: date | None


def repeat_assessment_allowed_from(completed_on: date) -> date:
    return completed_on + relativedelta(years=REPEAT_ASSESSMENT_WAIT_YEARS)


def repeat_assessment_refusal(
    *,
    earlier: Sequence[EarlierAssessment],
    on: date,
    measure_implemented: bool,
    reason: str,
) -> Refusal | None:
    """One funded assessment per factory; a repeat only when all of programme.md 3 hold.

    Five years after completing a funded assessment, with a recommended measure
    implemented with investment in facilities, and a change of process or materials or
    the pursuit of recognition.
    """
    if not earlier:
        return None
    unfinished = [e.reference for e in earlier if e.completed_on is None]
    if unfinished:
        message = _(
            "The factory already has a funded on-site assessment (%(reference)s) that "
            "is not complete. A factory has one funded assessment; a repeat is "
            "possible five years after the earlier one is completed."
        )
        return Refusal(
            "assessment_not_complete", message % {"reference": ", ".join(unfinished)}
        )
    last = max(e.completed_on for e in earlier if e.completed_on)
    allowed_from = repeat_assessment_allowed_from(last)
    if on < allowed_from:
        message = _(
            "The factory's last funded assessment was completed on %(completed)s. A "
            "repeat assessment is possible from %(allowed)s, five years later."
        )
        return Refusal(
            "repeat_too_soon",
            message % {"completed": _day(last), "allowed": _day(allowed_from)},
        )
    if not measure_implemented:
        return Refusal(
            "repeat_no_measure",
            _(
                "A repeat assessment needs at least one measure recommended by the "
                "earlier assessment to have been implemented, with investment in "
                "facilities."
            ),
        )
    if reason not in RepeatReason.values:
        return Refusal(
            "repeat_no_reason",
            _(
                "A repeat assessment needs a change of production process or raw "
                "materials, or the pursuit of recognition under the Recognition "
                "Scheme."
            ),
        )
    return None


# --- Project dates ------------------------------------------------------------------


def latest_completion(*, start: date, max_months: int) -> date:
    return start + relativedelta(months=max_months)


def project_dates_refusals(
    *, start: date, end: date, on: date, max_months: int
) -> list[Refusal]:
    """No start before submission; completion after start and within the scheme's limit."""
    refusals = []
    if start < on:
        message = _(
            "The project must not start before the application is submitted: the "
            "planned start (%(start)s) is before today (%(today)s)."
        )
        refusals.append(
            Refusal(
                "start_before_submission",
                message % {"start": _day(start), "today": _day(on)},
            )
        )
    if end < start:
        refusals.append(
            Refusal(
                "end_before_start",
                _("The planned completion is before the planned start."),
            )
        )
    elif end > latest_completion(start=start, max_months=max_months):
        message = _(
            "This scheme funds projects of up to %(months)s months: with the planned "
            "start, complete the project by %(latest)s."
        )
        latest = latest_completion(start=start, max_months=max_months)
        refusals.append(
            Refusal(
                "project_too_long",
                message % {"months": max_months, "latest": _day(latest)},
            )
        )
    return refusals


# --- Documents ----------------------------------------------------------------------

D = DocumentKind

ORGANISATION_EVIDENCE: dict[str, tuple[str, ...]] = {
    OrganisationKind.BUSINESS: (D.BR_CERTIFICATE,),
    OrganisationKind.ASSOCIATION: (D.ASSOCIATION_REGISTRATION,),
}
CONNECTION_EVIDENCE: dict[str, tuple[str, ...]] = {
    ConnectionTest.GD_JOINT_VENTURE: (D.MAINLAND_LICENCE, D.JV_CONTRACT),
    ConnectionTest.GD_WFOE: (D.MAINLAND_LICENCE, D.WFOE_APPROVAL),
    ConnectionTest.GD_PROCESSING: (D.MAINLAND_LICENCE, D.PROCESSING_AGREEMENT),
    ConnectionTest.GD_HK_RESIDENT: (
        D.MAINLAND_LICENCE,
        D.SHAREHOLDING_PROOF,
        D.COMPANY_EXTRACT,
        D.RESIDENT_ID,
    ),
    ConnectionTest.HK_FACTORY: (D.HK_PREMISES,),
    ConnectionTest.HK_WORKSHOP: (D.HK_PREMISES,),
}


@dataclass(frozen=True)
class SchemeDocuments:
    required: tuple[str, ...]
    optional: tuple[str, ...] = field(default=())


SCHEME_DOCUMENTS: dict[str, SchemeDocuments] = {
    SchemeKind.ASSESSMENT: SchemeDocuments(
        required=(D.ETSP_QUOTATION,), optional=(D.UTILITY_BILLS, D.OTHER)
    ),
    SchemeKind.DEMONSTRATION: SchemeDocuments(
        required=(D.EQUIPMENT_QUOTATION, D.TECHNICAL_PROPOSAL),
        optional=(D.SAVINGS_CALCULATION, D.UTILITY_BILLS, D.OTHER),
    ),
    SchemeKind.ASSOCIATION: SchemeDocuments(
        required=(D.ACTIVITY_PROPOSAL,), optional=(D.OTHER,)
    ),
}


def application_documents(*, kind: str, repeat_assessment: bool) -> SchemeDocuments:
    """The documents an application of this scheme kind needs, and those it may add."""
    documents = SCHEME_DOCUMENTS[kind]
    if repeat_assessment:
        return SchemeDocuments(
            required=(*documents.required, D.REPEAT_EVIDENCE),
            optional=documents.optional,
        )
    return documents


def missing_documents(*, required: Iterable[str], present: Iterable[str]) -> list[str]:
    have = set(present)
    return [kind for kind in required if kind not in have]


def missing_documents_refusals(missing: Iterable[str]) -> list[Refusal]:
    message = _("Upload this document: %(document)s.")
    return [
        Refusal("document_missing", message % {"document": D(kind).label})
        for kind in missing
    ]


# --- All of it, before submission ---------------------------------------------------


@dataclass(frozen=True)
class EligibilityFacts:
    """What the eligibility rules look at, gathered by ``checks.py`` from the database."""

    on: date
    organisation_kind: str
    scheme_kind: str
    scheme_label: str
    admits: Admission
    phase_name: str
    opens_on: date
    closes_on: date
    check_phase_window: bool = True
    factory_location: str | None = None
    connection_test: str | None = None
    other_open_applications: Sequence[str] = ()
    earlier_assessments: Sequence[EarlierAssessment] = ()
    repeat_measure_implemented: bool = False
    repeat_reason: str = ""


def eligibility_refusals(facts: EligibilityFacts) -> list[Refusal]:
    """Every eligibility rule the application does not meet (empty: eligible)."""
    refusals: list[Refusal] = []
    if facts.check_phase_window:
        refusal = phase_refusal(
            opens_on=facts.opens_on,
            closes_on=facts.closes_on,
            on=facts.on,
            phase_name=facts.phase_name,
        )
        refusals += [refusal] if refusal else []
    kind = applicant_kind(
        organisation_kind=facts.organisation_kind,
        connection_test=facts.connection_test,
    )
    refusal = admission_refusal(
        kind=kind, admits=facts.admits, scheme_label=facts.scheme_label
    )
    refusals += [refusal] if refusal else []
    if facts.factory_location is not None:
        refusal = factory_location_refusal(
            location=facts.factory_location, connection_test=facts.connection_test
        )
        refusals += [refusal] if refusal else []
        refusal = open_application_refusal(other_open=facts.other_open_applications)
        refusals += [refusal] if refusal else []
    if facts.scheme_kind == SchemeKind.ASSESSMENT:
        refusal = repeat_assessment_refusal(
            earlier=facts.earlier_assessments,
            on=facts.on,
            measure_implemented=facts.repeat_measure_implemented,
            reason=facts.repeat_reason,
        )
        refusals += [refusal] if refusal else []
    return refusals


# --- Decisions and payments (the Secretariat's workflow) ----------------------------


def final_report_due(*, project_end: date, months: int) -> date:
    """The final report is due ``months`` after the project ends (two by default)."""
    return project_end + relativedelta(months=months)


def decision_amount_refusals(
    *,
    approved_cost: Decimal,
    requested_cost: Decimal,
    amount: Decimal,
    grant: Decimal,
) -> list[Refusal]:
    """The committee may trim, never raise: the approved eligible cost stays within
    what was applied for, the amount within the grant the rules give for that cost
    (share x cost, capped by the ceiling)."""
    refusals = []
    if approved_cost < 0 or amount < 0:
        refusals.append(Refusal("negative", _("Amounts cannot be negative.")))
        return refusals
    if approved_cost > requested_cost:
        refusals.append(
            Refusal(
                "cost_above_requested",
                _(
                    "The approved eligible cost (HK$%(approved)s) cannot exceed the "
                    "eligible cost applied for (HK$%(requested)s)."
                )
                % {
                    "approved": f"{approved_cost:,.2f}",
                    "requested": f"{requested_cost:,.2f}",
                },
            )
        )
    if amount > grant:
        refusals.append(
            Refusal(
                "amount_above_grant",
                _(
                    "The approved grant (HK$%(amount)s) cannot exceed the grant the "
                    "scheme gives for the approved cost (HK$%(grant)s)."
                )
                % {"amount": f"{amount:,.2f}", "grant": f"{grant:,.0f}"},
            )
        )
    return refusals


def claim_amount_refusal(
    *, amount: Decimal, expenditure: Decimal, share: Decimal, available: Decimal
) -> Refusal | None:
    """A claim asks for at most the share of what was spent, and at most what is
    left of the approved grant after what is paid and claimed already."""
    if amount <= 0 or expenditure <= 0:
        return Refusal("not_positive", _("Enter amounts above zero."))
    if amount > (expenditure * share).quantize(WHOLE_DOLLAR, rounding=ROUND_DOWN):
        return Refusal(
            "above_share",
            _(
                "The grant claimed cannot exceed %(share)s %% of the expenditure "
                "(HK$%(limit)s)."
            )
            % {
                "share": f"{share * 100:.0f}",
                "limit": f"{(expenditure * share).quantize(WHOLE_DOLLAR, rounding=ROUND_DOWN):,.0f}",
            },
        )
    if amount > available:
        return Refusal(
            "above_available",
            _(
                "The grant claimed (HK$%(amount)s) is more than what is left of the "
                "approved grant (HK$%(available)s)."
            )
            % {"amount": f"{amount:,.2f}", "available": f"{available:,.2f}"},
        )
    return None


def payment_refusal(
    *,
    amount: Decimal,
    paid_to_date: Decimal,
    approved: Decimal,
    claim_outstanding: Decimal,
) -> Refusal | None:
    """Paid never exceeds approved (the database checks it too), nor the claim."""
    if amount <= 0:
        return Refusal("not_positive", _("Enter an amount above zero."))
    if paid_to_date + amount > approved:
        return Refusal(
            "above_approved",
            _(
                "This payment would bring the total paid to HK$%(total)s, above the "
                "approved grant of HK$%(approved)s."
            )
            % {
                "total": f"{paid_to_date + amount:,.2f}",
                "approved": f"{approved:,.2f}",
            },
        )
    if amount > claim_outstanding:
        return Refusal(
            "above_claim",
            _(
                "The payment cannot exceed what is outstanding on the claim (HK$%(left)s)."
            )
            % {"left": f"{claim_outstanding:,.2f}"},
        )
    return None
