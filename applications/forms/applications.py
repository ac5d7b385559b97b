"""The application form, one form per step, plus costs, documents and answers.

Step forms validate formats whenever they are posted; with ``require=True`` ("Save and
continue", and the completeness check) they also require what the step needs.
"""

import uuid

from django import forms
from django.core.validators import MinValueValidator
from django.forms import inlineformset_factory
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .. import rules, selectors
from ..models import (
    Application,
    CostLine,
    FuelType,
    FuelUnit,
    FundingScheme,
    ProjectReport,
    RepeatReason,
)
from ..steps import DECLARATIONS, DETAILS, EARLIER, PROJECT, STEPS, step_get
from .fields import MultipleFileField, UploadsMixin, upload_help

DATE = forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})
TEXT = {"rows": 4}


def _all_step_fields() -> list[str]:
    seen: dict[str, None] = {}
    for step in STEPS:
        for names in step.fields.values():
            seen.update(dict.fromkeys(names))
    return list(seen)


class StepForm(forms.ModelForm):
    """The fields of one step for the application's scheme kind."""

    step_slug = ""

    class Meta:
        model = Application
        fields = _all_step_fields()
        widgets = {
            "planned_start": DATE,
            "planned_end": DATE,
            "previous_assessment_completed_on": DATE,
            "repeat_reason": forms.RadioSelect,
            **{
                name: forms.Textarea(attrs=TEXT)
                for name in (
                    "assessment_scope",
                    "repeat_measure_details",
                    "technology",
                    "equipment",
                    "baseline_description",
                    "expected_benefits",
                    "activities",
                    "target_audience",
                )
            },
        }

    def __init__(self, *args, application: Application, require: bool = False, **kw):
        self.application = application
        self.require = require
        self.kind = application.scheme.kind
        super().__init__(*args, instance=application, **kw)
        step = step_get(self.kind, self.step_slug)
        wanted = step.fields_for(self.kind)
        for name in list(self.fields):
            if name not in wanted:
                del self.fields[name]
        self.order_fields(wanted)
        required = step.required_for(self.kind)
        for name, field in self.fields.items():
            field.required = require and name in required
        if "etsp" in self.fields:
            self.fields["etsp"].queryset = selectors.provider_list_for_applications()
            self.fields["etsp"].help_text = _(
                "Choose from the Secretariat's directory of service providers."
            )

    def summary_of(self, label: str, error: str) -> tuple[str, str]:
        """(message, label) for the list of problems on "check your answers"."""
        return error, label

    def saved_values(self) -> dict:
        """The fields that passed validation: saved even when others did not."""
        return {
            name: self.cleaned_data[name]
            for name in self.fields
            if name in self.cleaned_data and name not in self.errors
        }


class ProjectForm(StepForm):
    step_slug = PROJECT

    def __init__(self, *args, **kw):
        super().__init__(*args, **kw)
        if "factory" in self.fields:
            self.fields[
                "factory"
            ].queryset = self.application.organisation.factories.all()
            self.fields["factory"].help_text = _(
                "Add or correct factories on your organisation's page."
            )
        self.fields["planned_start"].help_text = _(
            "The project must not start before you submit the application."
        )
        self.fields["planned_end"].help_text = _(
            "This scheme funds projects of up to %(months)s months."
        ) % {"months": self.application.scheme.max_duration_months}

    def clean_factory(self):
        factory = self.cleaned_data.get("factory")
        if factory is None:
            return factory
        application, scheme = self.application, self.application.scheme
        refusals = [
            rules.admission_refusal(
                kind=rules.applicant_kind(
                    organisation_kind=application.organisation.kind,
                    connection_test=factory.connection_test,
                ),
                admits=rules.Admission.of(scheme),
                scheme_label=scheme.label,
            ),
            rules.factory_location_refusal(
                location=factory.location, connection_test=factory.connection_test
            ),
            rules.open_application_refusal(
                other_open=selectors.other_open_applications(
                    factory=factory, scheme=scheme, exclude_pk=application.pk
                )
            ),
        ]
        messages = [r.message for r in refusals if r]
        if messages:
            raise forms.ValidationError(messages)
        return factory

    def clean(self):
        data = super().clean()
        start, end = data.get("planned_start"), data.get("planned_end")
        if start and end:
            # Before submission, "today" is the earliest day a project may start.
            on = (
                timezone.localdate()
                if self.application.submitted_at is None
                else timezone.localdate(self.application.submitted_at)
            )
            field_of = {
                "start_before_submission": "planned_start",
                "end_before_start": "planned_end",
                "project_too_long": "planned_end",
            }
            for refusal in rules.project_dates_refusals(
                start=start,
                end=end,
                on=on,
                max_months=self.application.scheme.max_duration_months,
            ):
                self.add_error(field_of[refusal.code], refusal.message)
        return data


class EarlierForm(StepForm):
    """A repeat on-site assessment: the earlier one, and what has changed since."""

    step_slug = EARLIER

    def __init__(self, *args, **kw):
        super().__init__(*args, **kw)
        factory = self.application.factory
        self.portal_assessments = (
            selectors.earlier_assessments(
                factory=factory, exclude_pk=self.application.pk
            )
            if factory
            else []
        )
        self.fields["repeat_reason"].choices = RepeatReason.choices
        self.fields["previous_assessment_reference"].help_text = _(
            "Leave empty if the factory has never had a funded on-site assessment."
        )

    def clean(self):
        data = super().clean()
        reference = data.get("previous_assessment_reference")
        completed = data.get("previous_assessment_completed_on")
        if reference and not completed and "previous_assessment_completed_on" in data:
            self.add_error(
                "previous_assessment_completed_on",
                _("Enter the date the earlier assessment was completed."),
            )
        if completed and not reference and "previous_assessment_reference" in data:
            self.add_error(
                "previous_assessment_reference",
                _("Enter the reference of the earlier assessment."),
            )
        if completed and completed > timezone.localdate():
            self.add_error(
                "previous_assessment_completed_on",
                _("The completion date cannot be in the future."),
            )
        repeat = bool(self.portal_assessments or reference or completed)
        if self.require and repeat:
            if not data.get("repeat_measure_details"):
                self.add_error(
                    "repeat_measure_details",
                    _("Describe the measure implemented and the investment made."),
                )
            if not data.get("repeat_reason"):
                self.add_error(
                    "repeat_reason", _("Choose why the factory needs a new assessment.")
                )
        return data


class DetailsForm(StepForm):
    step_slug = DETAILS


class DeclarationsForm(StepForm):
    step_slug = DECLARATIONS

    def __init__(self, *args, **kw):
        super().__init__(*args, **kw)
        for field in self.fields.values():
            field.error_messages["required"] = _("Tick this declaration to continue.")

    def summary_of(self, label: str, error: str) -> tuple[str, str]:
        return _("Tick the declaration: “%(declaration)s”") % {"declaration": label}, ""


STEP_FORMS: dict[str, type[StepForm]] = {
    PROJECT: ProjectForm,
    EARLIER: EarlierForm,
    DETAILS: DetailsForm,
    DECLARATIONS: DeclarationsForm,
}


def step_form_from_saved(
    form_class: type[StepForm], application: Application
) -> StepForm:
    """A bound, required-mode form holding what is saved: its errors are what is missing."""
    blank = form_class(application=application)
    data = {}
    for name in blank.fields:
        value = blank[name].value()
        if value is None:
            continue
        data[name] = value
    return form_class(data=data, application=application, require=True)


class CostLineForm(forms.ModelForm):
    class Meta:
        model = CostLine
        fields = ["item", "supplier", "quotation_ref", "amount_hkd"]
        widgets = {"amount_hkd": forms.NumberInput(attrs={"step": "0.01", "min": "0"})}


CostLineFormSet = inlineformset_factory(
    Application,
    CostLine,
    form=CostLineForm,
    extra=1,
    can_delete=True,
    max_num=40,
    validate_max=True,
)


class DocumentsForm(UploadsMixin, forms.Form):
    """One file field per document the application needs or may have."""

    def __init__(self, *args, checklist, **kw):
        super().__init__(*args, **kw)
        self.checklist = checklist
        for row in checklist:
            self.fields[row.field_name] = MultipleFileField(
                label=_("Add files"), help_text=upload_help()
            )
            # The inputs sit beside each document's file list, outside the <form>.
            self.fields[row.field_name].widget.attrs["form"] = "documents-form"
        self.upload_fields = tuple(row.field_name for row in checklist)

    def clean(self):
        data = super().clean()
        self.clean_uploads()
        return data


class AnswerForm(UploadsMixin, forms.Form):
    """The applicant's answer to a request for information, with more documents."""

    body = forms.CharField(
        label=_("Your answer"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=10000,
    )
    files = MultipleFileField(label=_("Documents for your answer"))
    upload_fields = ("files",)

    def __init__(self, *args, require_body: bool = True, **kw):
        super().__init__(*args, **kw)
        self.fields["files"].help_text = upload_help()
        self.fields["body"].required = require_body

    def clean(self):
        data = super().clean()
        self.clean_uploads()
        return data


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label=_("Why are you withdrawing? (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    confirm = forms.BooleanField(
        label=_("I want to withdraw this application. This cannot be undone."),
        error_messages={"required": _("Tick the box to confirm.")},
    )


class NewApplicationForm(forms.Form):
    """Choose the scheme when the open phase has several of the kind."""

    scheme = forms.ModelChoiceField(
        label=_("Funding scheme"),
        queryset=None,
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={"required": _("Choose the scheme you are applying for.")},
    )

    # One key per rendering of the form: sending it twice makes one draft.
    key = forms.UUIDField(widget=forms.HiddenInput, required=False, initial=uuid.uuid4)

    def __init__(self, *args, schemes, **kw):
        super().__init__(*args, **kw)
        self.fields["scheme"].queryset = FundingScheme.objects.filter(
            pk__in=[s.pk for s in schemes]
        ).select_related("phase")
        self.fields["scheme"].label_from_instance = lambda s: s.label


# --- After approval (issue 4) -------------------------------------------------------


class ApplicantReportForm(UploadsMixin, forms.ModelForm):
    """A progress or final report with the figures measured before and after."""

    files = MultipleFileField(label=_("Evidence (meter readings, bills, test results)"))
    upload_fields = ("files",)

    class Meta:
        model = ProjectReport
        fields = [
            "kind",
            "period_start",
            "period_end",
            "narrative",
            "electricity_before_kwh",
            "electricity_after_kwh",
            "water_before_m3",
            "water_after_m3",
            "effluent_before_m3",
            "effluent_after_m3",
            "nox_before_kg",
            "nox_after_kg",
            "so2_before_kg",
            "so2_after_kg",
            "pm_before_kg",
            "pm_after_kg",
            "voc_before_kg",
            "voc_after_kg",
        ]
        widgets = {
            "period_start": forms.DateInput(attrs={"type": "date"}),
            "period_end": forms.DateInput(attrs={"type": "date"}),
            "narrative": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["files"].help_text = upload_help()
        self.fields["narrative"].required = True
        for name, field in self.fields.items():
            if name.endswith(("_kwh", "_m3", "_kg")):
                field.min_value = 0
                field.widget.attrs["min"] = "0"
                field.validators.append(MinValueValidator(0))

    def clean(self):
        data = super().clean()
        self.clean_uploads()
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("The period cannot end before it starts."))
        return data

    def _post_clean(self):
        # The report is made by the service; nothing to validate on an instance here.
        pass


class FuelFigureForm(forms.Form):
    fuel = forms.ChoiceField(label=_("Fuel"), required=False)
    unit = forms.ChoiceField(label=_("Unit"), required=False)
    before = forms.DecimalField(
        label=_("Before (a year)"),
        min_value=0,
        max_digits=16,
        decimal_places=3,
        required=False,
    )
    after = forms.DecimalField(
        label=_("After (a year)"),
        min_value=0,
        max_digits=16,
        decimal_places=3,
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["fuel"].choices = [("", "—"), *FuelType.choices]
        self.fields["unit"].choices = [("", "—"), *FuelUnit.choices]
        for name, field in self.fields.items():
            css = "form-select" if name in ("fuel", "unit") else "form-control"
            field.widget.attrs["class"] = css

    def clean(self):
        data = super().clean()
        filled = [
            data.get(n) not in (None, "") for n in ("fuel", "unit", "before", "after")
        ]
        if any(filled) and not all(filled):
            raise forms.ValidationError(
                _("Give the fuel, its unit and the figures before and after.")
            )
        return data


FuelFigureFormSet = forms.formset_factory(FuelFigureForm, extra=3, max_num=6)


class ApplicantClaimForm(UploadsMixin, forms.Form):
    expenditure_hkd = forms.DecimalField(
        label=_("Expenditure on the project (HK$)"),
        max_digits=14,
        decimal_places=2,
        min_value=0,
    )
    amount_hkd = forms.DecimalField(
        label=_("Grant claimed (HK$)"), max_digits=14, decimal_places=2, min_value=0
    )
    is_final = forms.BooleanField(
        label=_("This is the final claim of the project"), required=False
    )
    files = MultipleFileField(label=_("Invoices, receipts and proof of payment"))
    upload_fields = ("files",)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["files"].help_text = upload_help()

    def clean(self):
        data = super().clean()
        self.clean_uploads()
        return data
