from django import forms
from django.utils.translation import gettext_lazy as _

from core.uploads import accept_attribute, validate_upload

from . import selectors
from .models import Application, EvidenceKind, Measure, Objection, Unit
from .services import EVIDENCE_KINDS


class StartForm(forms.Form):
    category = forms.ModelChoiceField(
        label=_("Category"), queryset=None, empty_label=None
    )
    factory = forms.ModelChoiceField(
        label=_("Factory"),
        queryset=None,
        required=False,
        help_text=_("For the manufacturing categories: one application per factory."),
    )

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = selectors.category_list_open()
        self.fields["factory"].queryset = selectors.factory_list_for_organisation(
            organisation=organisation
        )

    def clean(self):
        data = super().clean()
        category = data.get("category")
        if category and category.rule.unit == Unit.FACTORY and not data.get("factory"):
            self.add_error("factory", _("Choose the factory this application is for."))
        return data


class ProjectChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        parts = [obj.reference or "", obj.display_title]
        if obj.factory_id:
            parts.append(obj.factory.name)
        return " · ".join(p for p in parts if p)


class DetailsForm(forms.ModelForm):
    earlier_projects = ProjectChoiceField(
        label=_("Earlier projects under the programme"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Your organisation's funded assessments and demonstration projects."
        ),
    )

    class Meta:
        model = Application
        fields = [
            "summary",
            "earlier_projects",
            "declares_no_convictions",
            "declares_information_true",
        ]
        widgets = {"summary": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["earlier_projects"].queryset = selectors.funded_project_list(
            organisation=self.instance.organisation
        )


class MeasureForm(forms.ModelForm):
    class Meta:
        model = Measure
        fields = [
            "title",
            "area",
            "description",
            "implemented_on",
            "unit",
            "before",
            "after",
            "investment_hkd",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "implemented_on": forms.DateInput(attrs={"type": "date"}),
        }


MeasureFormSet = forms.formset_factory(
    MeasureForm, extra=1, can_delete=True, max_num=20, validate_max=True
)


class EvidenceForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind of evidence"),
        choices=[("", "---------"), *EvidenceKind.choices],
        required=False,
    )
    description = forms.CharField(
        label=_("What it shows"), max_length=200, required=False
    )
    file = forms.FileField(
        label=_("Add a photo or document"),
        required=False,
        widget=forms.ClearableFileInput(
            attrs={"accept": accept_attribute(EVIDENCE_KINDS)}
        ),
        help_text=_("PDF, JPEG, PNG, Word or Excel, up to 10 MB."),
    )

    def clean(self):
        data = super().clean()
        upload = data.get("file")
        if upload:
            try:
                validate_upload(upload, kinds=EVIDENCE_KINDS)
            except forms.ValidationError as error:
                self.add_error("file", error)
            if not data.get("kind"):
                self.add_error("kind", _("Say what kind of evidence this is."))
        return data


class ObjectionForm(forms.ModelForm):
    class Meta:
        model = Objection
        fields = ["name", "organisation", "email", "phone", "grounds"]
        widgets = {"grounds": forms.Textarea(attrs={"rows": 6})}
