"""The Secretariat's forms in the admin: each asks for what its step needs."""

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from accounts.roles import SECRETARIAT

from ..models import DecisionOutcome, ProjectReport, ReportKind, TechnicalAssessment
from ..services.workflow import REPORT_VALUE_FIELDS


def secretariat_users():
    return User.objects.filter(groups__name=SECRETARIAT, is_active=True).order_by(
        "full_name", "email"
    )


class NoteForm(forms.Form):
    """A note for the record: why the step was taken (required where the step needs it)."""

    note = forms.CharField(
        label=_("Note for the record"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )

    def __init__(
        self, *args, note_required=False, note_label=None, note_help=None, **kwargs
    ):
        super().__init__(*args, **kwargs)
        field = self.fields["note"]
        field.required = note_required
        if note_label:
            field.label = note_label
        if note_help:
            field.help_text = note_help


class RejectForm(forms.Form):
    reasons = forms.CharField(
        label=_("Reasons (the applicant reads these)"),
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    meeting_reference = forms.CharField(
        label=_("Committee meeting"), max_length=100, required=False
    )


class AssignForm(forms.Form):
    case_officer = forms.ModelChoiceField(
        label=_("Case officer"), queryset=User.objects.none(), required=False
    )
    technical_assessor = forms.ModelChoiceField(
        label=_("Technical assessor"), queryset=User.objects.none(), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("case_officer", "technical_assessor"):
            self.fields[name].queryset = secretariat_users()

    def clean(self):
        data = super().clean()
        if not data.get("case_officer") and not data.get("technical_assessor"):
            raise forms.ValidationError(_("Choose a case officer or an assessor."))
        return data


class DecisionForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Decision"), choices=DecisionOutcome.choices, widget=forms.RadioSelect
    )
    approved_eligible_cost_hkd = forms.DecimalField(
        label=_("Approved eligible cost (HK$)"),
        max_digits=14,
        decimal_places=2,
        min_value=0,
        required=False,
        help_text=_("Leave empty to approve the eligible cost applied for."),
    )
    approved_amount_hkd = forms.DecimalField(
        label=_("Approved grant (HK$)"),
        max_digits=14,
        decimal_places=2,
        min_value=0,
        required=False,
        help_text=_(
            "Leave empty for the grant the scheme gives: share of the approved cost, "
            "up to the ceiling. A lower amount may be entered, never a higher one."
        ),
    )
    conditions = forms.CharField(
        label=_("Conditions"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    reasons = forms.CharField(
        label=_("Reasons (required to reject)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    project_start = forms.DateField(
        label=_("Project starts"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    project_end = forms.DateField(
        label=_("Project ends"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    final_report_due_on = forms.DateField(
        label=_("Final report due"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Leave empty: two months after the project ends."),
    )
    meeting_reference = forms.CharField(
        label=_("Committee meeting"), max_length=100, required=False
    )

    def clean(self):
        data = super().clean()
        if data.get("outcome") == DecisionOutcome.REJECTED and not data.get("reasons"):
            self.add_error("reasons", _("Give the reasons for not approving."))
        return data


class AssessmentForm(forms.ModelForm):
    class Meta:
        model = TechnicalAssessment
        fields = [
            *TechnicalAssessment.CRITERIA,
            "recommendation",
            "recommended_eligible_cost_hkd",
            "comments",
        ]
        widgets = {"comments": forms.Textarea(attrs={"rows": 4})}


class ReportForm(forms.ModelForm):
    """A report the Secretariat received outside the portal and records."""

    class Meta:
        model = ProjectReport
        fields = ["kind", *sorted(REPORT_VALUE_FIELDS)]
        widgets = {
            "period_start": forms.DateInput(attrs={"type": "date"}),
            "period_end": forms.DateInput(attrs={"type": "date"}),
            "narrative": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].initial = ReportKind.FINAL


class ClaimForm(forms.Form):
    expenditure_hkd = forms.DecimalField(
        label=_("Expenditure claimed (HK$)"),
        max_digits=14,
        decimal_places=2,
        min_value=0,
    )
    amount_hkd = forms.DecimalField(
        label=_("Grant claimed (HK$)"), max_digits=14, decimal_places=2, min_value=0
    )
    is_final = forms.BooleanField(label=_("Final claim"), required=False)


class PaymentForm(forms.Form):
    amount_hkd = forms.DecimalField(
        label=_("Amount paid (HK$)"), max_digits=14, decimal_places=2, min_value=0
    )
    paid_on = forms.DateField(
        label=_("Paid on"), widget=forms.DateInput(attrs={"type": "date"})
    )
    payment_reference = forms.CharField(label=_("Payment reference"), max_length=100)
