from core.pdf import render_pdf, render_pdf_html


def test_pdf_html_is_in_the_readers_language():
    html = render_pdf_html(
        template_name="core/pdf/base.html", context={}, language="zh-hans"
    )

    assert '<html lang="zh-hans">' in html
    assert "清洁生产伙伴计划" in html
    assert "size: A4" in html
    assert '"Noto Sans CJK SC"' in html


def test_render_pdf_gives_pdf_bytes():
    assert render_pdf(
        template_name="core/pdf/base.html", context={}, language="zh-hant"
    ).startswith(b"%PDF")
