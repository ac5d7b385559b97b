from modeltranslation.translator import TranslationOptions, register

from .models import FundingScheme, Phase


@register(Phase)
class PhaseTranslation(TranslationOptions):
    fields = ("name", "description")


@register(FundingScheme)
class FundingSchemeTranslation(TranslationOptions):
    fields = ("label", "description")
