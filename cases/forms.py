from django import forms
from django.utils.translation import gettext_lazy as _

from core.choices import Industry

from .models import TechnologyCategory
from .selectors import CaseFilters

BENEFIT_CHOICES = [
    ("energy", _("Energy saving")),
    ("air", _("Cleaner air")),
    ("water", _("Water and effluent")),
    ("waste", _("Less waste")),
]


class CaseFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=100,
        widget=forms.SearchInput(attrs={"placeholder": _("e.g. chiller, LED, 光伏")}),
    )
    industry = forms.ChoiceField(
        label=_("Industry"),
        required=False,
        choices=[("", _("All industries")), *Industry.choices],
    )
    technology = forms.ChoiceField(
        label=_("Technology"),
        required=False,
        choices=[("", _("All technologies")), *TechnologyCategory.choices],
    )
    benefit = forms.ChoiceField(
        label=_("Benefit"),
        required=False,
        choices=[("", _("All benefits")), *BENEFIT_CHOICES],
    )

    def filters(self) -> CaseFilters:
        """The valid filters; an unknown value is ignored rather than refused."""
        data = self.cleaned_data if self.is_valid() else {}
        return CaseFilters(
            industry=data.get("industry", ""),
            technology_category=data.get("technology", ""),
            benefit=data.get("benefit", ""),
            text=data.get("q", "").strip(),
        )
