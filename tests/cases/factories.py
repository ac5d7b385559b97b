import factory

from cases.models import SuccessCase, TechnologyCategory
from core.choices import Industry


class SuccessCaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SuccessCase

    slug = factory.Sequence(lambda n: f"case-{n}")
    title_en = factory.Sequence(lambda n: f"Case {n}")
    title_zh_hant = factory.Sequence(lambda n: f"個案 {n}")
    title_zh_hans = factory.Sequence(lambda n: f"个案 {n}")
    summary_en = "A factory saved energy."
    summary_zh_hant = "工廠節省能源。"
    summary_zh_hans = "工厂节省能源。"
    industry = Industry.TEXTILES
    technology_category = TechnologyCategory.LIGHTING
    benefit_energy = True
    is_published = True
