from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

phone_validator = RegexValidator(
    r"^\+?[0-9 ()\-]{8,20}$",
    _("Enter a telephone number of 8 to 20 digits, e.g. 2788 5588."),
)


class RegistrationForm(forms.Form):
    name = forms.CharField(label=_("Full name"), max_length=120)
    company = forms.CharField(label=_("Company or organisation"), max_length=200)
    email = forms.EmailField(
        label=_("E-mail"),
        help_text=_("We send the confirmation here."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = forms.CharField(
        label=_("Telephone"),
        max_length=20,
        validators=[phone_validator],
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that the Secretariat uses these details to run this event and "
            "to contact me about it."
        )
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["company"].widget.attrs["autocomplete"] = "organization"
