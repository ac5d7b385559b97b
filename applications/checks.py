"""Is an application complete and eligible? Gathers the facts, asks forms and rules.

Completeness comes from the step forms in required mode (so the check page and the
step pages agree); eligibility from the pure functions in rules.py.
"""

from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone
from django.utils.translation import gettext as _

from . import rules, selectors
from .forms.applications import STEP_FORMS, step_form_from_saved
from .models import Application, Attachment, DocumentKind, SchemeKind
from .steps import COSTS, DOCUMENTS, EARLIER, PROJECT, Step, steps_for


@dataclass(frozen=True)
class Problem:
    """Something to put right before submission, and the step where to do it."""

    step: str | None
    message: str
    label: str = ""

    def __str__(self) -> str:
        return f"{self.label}: {self.message}" if self.label else self.message


# Where the applicant fixes each eligibility refusal.
REFUSAL_STEPS = {
    "workshop_not_admitted": PROJECT,
    "association_not_admitted": None,
    "business_not_admitted": None,
    "factory_outside_region": PROJECT,
    "connection_region_mismatch": PROJECT,
    "open_application_exists": PROJECT,
    "assessment_not_complete": EARLIER,
    "repeat_too_soon": EARLIER,
    "repeat_no_measure": EARLIER,
    "repeat_no_reason": EARLIER,
    "start_before_submission": PROJECT,
    "end_before_start": PROJECT,
    "project_too_long": PROJECT,
    "phase_not_open": None,
    "phase_closed": None,
    "grant_above_ceiling": COSTS,
}


# --- Documents ----------------------------------------------------------------------


@dataclass
class ChecklistRow:
    owner: str  # "organisation", "factory" or "application"
    kind: str
    required: bool
    files: list[Attachment] = field(default_factory=list)

    @property
    def field_name(self) -> str:
        return f"{self.owner}-{self.kind}"

    @property
    def label(self) -> str:
        return str(DocumentKind(self.kind).label)

    @property
    def missing(self) -> bool:
        return self.required and not self.files


def is_repeat_assessment(application: Application) -> bool:
    if application.scheme.kind != SchemeKind.ASSESSMENT:
        return False
    if application.previous_assessment_reference or (
        application.previous_assessment_completed_on
    ):
        return True
    factory = application.factory
    return bool(
        factory
        and selectors.earlier_assessments(factory=factory, exclude_pk=application.pk)
    )


def document_checklist(application: Application) -> list[ChecklistRow]:
    """Each document the application needs or may add, with the files already there."""
    organisation, factory = application.organisation, application.factory
    rows = [
        ChecklistRow("organisation", kind, True)
        for kind in rules.ORGANISATION_EVIDENCE[organisation.kind]
    ]
    if factory is not None and application.needs_factory:
        rows += [
            ChecklistRow("factory", kind, True)
            for kind in rules.CONNECTION_EVIDENCE[factory.connection_test]
        ]
    documents = rules.application_documents(
        kind=application.scheme.kind,
        repeat_assessment=is_repeat_assessment(application),
    )
    rows += [ChecklistRow("application", kind, True) for kind in documents.required]
    rows += [ChecklistRow("application", kind, False) for kind in documents.optional]
    by_key = {(row.owner, row.kind): row for row in rows}
    files = list(selectors.organisation_evidence(organisation=organisation))
    if factory is not None:
        files += list(selectors.factory_evidence(factory=factory))
    files += list(selectors.application_documents(application=application))
    for attachment in files:
        owner = (
            "application"
            if attachment.application_id
            else ("factory" if attachment.factory_id else "organisation")
        )
        row = by_key.get((owner, attachment.kind))
        if row is not None:
            row.files.append(attachment)
    return rows


# --- Completeness -------------------------------------------------------------------


def step_problems(application: Application, step: Step) -> list[Problem]:
    """What is missing or wrong on one step, as the step's own form would say it."""
    if step.slug == COSTS:
        lines = list(application.cost_lines.all())
        if not lines:
            return [Problem(COSTS, _("Add at least one cost item."))]
        if sum(line.amount_hkd for line in lines) <= 0:
            return [Problem(COSTS, _("The total cost must be more than HK$0."))]
        return []
    if step.slug == DOCUMENTS:
        return [
            Problem(DOCUMENTS, r.message)
            for r in rules.missing_documents_refusals(
                row.kind for row in document_checklist(application) if row.missing
            )
        ]
    form = step_form_from_saved(STEP_FORMS[step.slug], application)
    if form.is_valid():
        return []
    problems = []
    for name, errors in form.errors.items():
        label = str(form.fields[name].label) if name in form.fields else ""
        for error in errors:
            problems.append(Problem(step.slug, *form.summary_of(label, str(error))))
    return problems


def eligibility_facts(
    application: Application, *, on: date, check_phase_window: bool
) -> rules.EligibilityFacts:
    scheme, factory = application.scheme, application.factory
    earlier = []
    if factory is not None:
        earlier = selectors.earlier_assessments(
            factory=factory, exclude_pk=application.pk
        )
    if application.previous_assessment_reference or (
        application.previous_assessment_completed_on
    ):
        earlier.append(
            rules.EarlierAssessment(
                reference=application.previous_assessment_reference,
                completed_on=application.previous_assessment_completed_on,
            )
        )
    return rules.EligibilityFacts(
        on=on,
        organisation_kind=application.organisation.kind,
        scheme_kind=scheme.kind,
        scheme_label=scheme.label,
        admits=rules.Admission.of(scheme),
        phase_name=scheme.phase.name,
        opens_on=scheme.phase.opens_on,
        closes_on=scheme.phase.closes_on,
        check_phase_window=check_phase_window,
        factory_location=factory.location if factory else None,
        connection_test=factory.connection_test if factory else None,
        other_open_applications=(
            selectors.other_open_applications(
                factory=factory, scheme=scheme, exclude_pk=application.pk
            )
            if factory
            else ()
        ),
        earlier_assessments=earlier,
        repeat_measure_implemented=application.repeat_measure_implemented,
        repeat_reason=application.repeat_reason,
    )


def application_problems(
    *,
    application: Application,
    on: date | None = None,
    check_phase_window: bool = True,
) -> list[Problem]:
    """Everything that stops the application being submitted (empty: it may go).

    ``on`` is the day of the application: today for a first submission, the first
    submission's day when an answer re-submits it.
    """
    on = on or timezone.localdate()
    problems: list[Problem] = []
    for step in steps_for(application.scheme.kind):
        problems += step_problems(application, step)
    # A step's form already says some of what the rules refuse: say it once.
    said = {problem.message for problem in problems}
    refusals = rules.eligibility_refusals(
        eligibility_facts(application, on=on, check_phase_window=check_phase_window)
    )
    problems += [
        Problem(REFUSAL_STEPS.get(r.code), r.message)
        for r in refusals
        if r.message not in said
    ]
    return problems


def problems_by_step(problems: list[Problem]) -> dict[str | None, list[Problem]]:
    grouped: dict[str | None, list[Problem]] = {}
    for problem in problems:
        grouped.setdefault(problem.step, []).append(problem)
    return grouped
