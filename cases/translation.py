from modeltranslation.translator import TranslationOptions, register

from .models import CasePhoto, SuccessCase


@register(SuccessCase)
class SuccessCaseTranslation(TranslationOptions):
    fields = (
        "title",
        "summary",
        "problem",
        "technology",
        "other_benefits",
        "annual_fuel_saving",
        "process",
        "figures_source",
    )


@register(CasePhoto)
class CasePhotoTranslation(TranslationOptions):
    fields = ("alt_text", "caption")
    required_languages = {"default": ("alt_text",)}
