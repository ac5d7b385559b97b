"""Forms for the organisation, its contacts, members and factories."""

from functools import partial

from django import forms
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from core.choices import Industry, Location, Region

from .. import rules
from ..models import (
    FACTORY_FIELDS,
    ORGANISATION_FIELDS,
    ConnectionTest,
    ContactPerson,
    DocumentKind,
    Factory,
    FactoryFuel,
    Organisation,
    OrganisationKind,
)
from .fields import MultipleFileField, UploadsMixin, upload_help


class OrganisationForm(forms.ModelForm):
    br_number = forms.CharField(
        label=_("Business Registration number"),
        max_length=40,
        required=False,
        help_text=_(
            "As on the Business Registration Certificate, e.g. 12345678-000-01-25-1; "
            "we keep the first 8 digits. Associations without one leave it empty."
        ),
    )

    class Meta:
        model = Organisation
        fields = ORGANISATION_FIELDS
        widgets = {
            "kind": forms.RadioSelect,
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
            "address": forms.TextInput(attrs={"autocomplete": "street-address"}),
        }
        field_classes = {"website": partial(forms.URLField, assume_scheme="https")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = OrganisationKind.choices
        if self.instance.pk:
            # What kind of applicant an organisation is does not change.
            self.fields["kind"].disabled = True
        self.fields["name_zh"].help_text = _(
            "As registered, if the organisation has one."
        )

    def clean_br_number(self):
        raw = self.cleaned_data.get("br_number", "")
        if not raw.strip():
            return ""
        try:
            number = rules.normalise_br_number(raw)
        except ValueError as exc:
            raise forms.ValidationError(str(exc)) from exc
        taken = Organisation.objects.filter(br_number=number).exclude(
            pk=self.instance.pk
        )
        if taken.exists():
            raise forms.ValidationError(
                _(
                    "An organisation with this Business Registration number already "
                    "uses the portal. Ask its administrator to invite you, or contact "
                    "the Secretariat."
                )
            )
        return number

    def clean(self):
        data = super().clean()
        if (
            data.get("kind") == OrganisationKind.BUSINESS
            and "br_number" in data
            and not data["br_number"]
        ):
            self.add_error(
                "br_number",
                _("A Hong Kong business must give its Business Registration number."),
            )
        return data


class ContactForm(forms.ModelForm):
    class Meta:
        model = ContactPerson
        fields = ["name", "position", "phone", "email"]
        widgets = {"phone": forms.TextInput(attrs={"type": "tel"})}


ContactFormSet = inlineformset_factory(
    Organisation,
    ContactPerson,
    form=ContactForm,
    extra=1,
    min_num=1,
    validate_min=True,
    max_num=10,
    validate_max=True,
    can_delete=True,
)


class InviteForm(forms.Form):
    email = forms.EmailField(
        label=_("Colleague's e-mail address"),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )


def location_choices() -> list:
    """Locations grouped as Hong Kong districts and Guangdong cities."""
    return [
        ("", "---------"),
        *(
            (
                region.label,
                [(loc.value, loc.label) for loc in Location.in_region(region)],
            )
            for region in Region
        ),
    ]


class FactoryForm(forms.ModelForm):
    class Meta:
        model = Factory
        fields = FACTORY_FIELDS
        widgets = {
            "connection_test": forms.RadioSelect,
            "main_processes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["location"].choices = location_choices()
        self.fields["connection_test"].choices = ConnectionTest.choices
        self.fields["connection_test"].help_text = _(
            "How the factory is connected with your Hong Kong business. Each "
            "connection needs its own evidence, which you upload after saving."
        )

    def clean(self):
        data = super().clean()
        location, test = data.get("location"), data.get("connection_test")
        if location and test:
            refusal = rules.factory_location_refusal(
                location=location, connection_test=test
            )
            if refusal:
                self.add_error("connection_test", refusal.message)
        if data.get("industry") == Industry.OTHER and not data.get("industry_other"):
            self.add_error(
                "industry_other",
                _("Describe the industry: the committee decides these cases."),
            )
        return data


class FuelForm(forms.ModelForm):
    class Meta:
        model = FactoryFuel
        fields = ["fuel", "description", "annual_quantity", "unit"]


FuelFormSet = inlineformset_factory(
    Factory,
    FactoryFuel,
    form=FuelForm,
    extra=1,
    max_num=10,
    validate_max=True,
    can_delete=True,
)


class EvidenceForm(UploadsMixin, forms.Form):
    """Upload fields for the evidence an organisation or a factory needs."""

    def __init__(self, *args, kinds, **kwargs):
        super().__init__(*args, **kwargs)
        for kind in kinds:
            self.fields[kind] = MultipleFileField(
                label=DocumentKind(kind).label, help_text=upload_help()
            )
        self.upload_fields = tuple(kinds)

    def clean(self):
        data = super().clean()
        self.clean_uploads()
        return data
