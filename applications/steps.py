"""The sections of the application form, per scheme kind: their fields and titles.

One list serves the task list, the step pages, the completeness check, the
"check your answers" page and the submitted-version view.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .models import SchemeKind

OA, DP, OS = SchemeKind.ASSESSMENT, SchemeKind.DEMONSTRATION, SchemeKind.ASSOCIATION
ALL_KINDS = frozenset({OA, DP, OS})

PROJECT = "project"
EARLIER = "earlier"
DETAILS = "details"
COSTS = "costs"
DOCUMENTS = "documents"
DECLARATIONS = "declarations"


@dataclass(frozen=True)
class Step:
    slug: str
    title: Promise
    kinds: frozenset
    # Application fields edited on this step, per kind (empty for costs and documents).
    fields: dict
    required: dict

    def fields_for(self, kind: str) -> tuple[str, ...]:
        return self.fields.get(kind, ())

    def required_for(self, kind: str) -> tuple[str, ...]:
        return self.required.get(kind, ())


_project = ("title", "factory", "planned_start", "planned_end")
_project_os = ("title", "planned_start", "planned_end")
_earlier = (
    "previous_assessment_reference",
    "previous_assessment_completed_on",
    "repeat_measure_implemented",
    "repeat_measure_details",
    "repeat_reason",
)
_details = {
    OA: ("assessment_scope", "etsp", "etsp_quotation_ref"),
    DP: (
        "technology",
        "equipment",
        "baseline_description",
        "expected_benefits",
        "expected_electricity_saving_kwh",
        "expected_water_saving_m3",
        "expected_cost_saving_hkd",
        "etsp",
        "etsp_quotation_ref",
    ),
    OS: ("activities", "target_audience", "expected_participants"),
}
_details_required = {
    OA: ("assessment_scope", "etsp", "etsp_quotation_ref"),
    DP: (
        "technology",
        "equipment",
        "baseline_description",
        "expected_benefits",
        "etsp",
    ),
    OS: ("activities", "target_audience"),
}
_declarations = (
    "declares_no_double_funding",
    "declares_no_early_start",
    "declares_information_true",
    "declares_etsp_not_related",
)
_declarations_os = _declarations[:3]

STEPS: tuple[Step, ...] = (
    Step(
        PROJECT,
        _("About the project"),
        ALL_KINDS,
        {OA: _project, DP: _project, OS: _project_os},
        {OA: _project, DP: _project, OS: _project_os},
    ),
    # Which earlier fields are required depends on the answers (forms.EarlierForm).
    Step(EARLIER, _("Earlier funded assessment"), frozenset({OA}), {OA: _earlier}, {}),
    Step(DETAILS, _("Project details"), ALL_KINDS, _details, _details_required),
    Step(COSTS, _("Costs"), ALL_KINDS, {}, {}),
    Step(DOCUMENTS, _("Documents"), ALL_KINDS, {}, {}),
    Step(
        DECLARATIONS,
        _("Declarations"),
        ALL_KINDS,
        {OA: _declarations, DP: _declarations, OS: _declarations_os},
        {OA: _declarations, DP: _declarations, OS: _declarations_os},
    ),
)
DETAILS_TITLES = {
    OA: _("Assessment scope and service provider"),
    DP: _("Technology, equipment and benefits"),
    OS: _("Activities and audience"),
}

# Every field an applicant may set through the steps: the services accept no other.
EDITABLE_FIELDS = frozenset(
    name for step in STEPS for names in step.fields.values() for name in names
)


def steps_for(kind: str) -> list[Step]:
    return [step for step in STEPS if kind in step.kinds]


def step_get(kind: str, slug: str) -> Step | None:
    return next((s for s in steps_for(kind) if s.slug == slug), None)


def step_title(step: Step, kind: str) -> Promise:
    return DETAILS_TITLES[kind] if step.slug == DETAILS else step.title


def next_step(kind: str, slug: str) -> Step | None:
    steps = steps_for(kind)
    index = [s.slug for s in steps].index(slug)
    return steps[index + 1] if index + 1 < len(steps) else None
