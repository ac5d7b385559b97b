"""PDF rendering shared by the toolbox's results and the letters: HTML templates to A4
PDF with WeasyPrint, in the reader's language.

A render with the Noto CJK fonts takes about 0.4 s and can briefly use up to 1 GiB, so
call it from a bookmarkable download or a Celery task, never from a page's hot path.
Templates extend ``core/pdf/base.html`` (A4, page numbers, CJK font stack by :lang).
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation


def render_pdf_html(*, template_name: str, context: dict, language: str) -> str:
    """The HTML a PDF is made from (cheap; also a good cache key)."""
    with translation.override(language):
        return render_to_string(template_name, {"LANGUAGE_CODE": language, **context})


def html_to_pdf(html: str) -> bytes:
    from weasyprint import HTML  # imported late: it takes about a second

    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()


def render_pdf(*, template_name: str, context: dict, language: str) -> bytes:
    """The PDF bytes of a template rendered in the given language."""
    return html_to_pdf(
        render_pdf_html(template_name=template_name, context=context, language=language)
    )
