from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.utils.http import urlencode
from django.views.decorators.cache import cache_control

from core.pagecache import public_page

from .forms import CaseFilterForm
from .selectors import (
    case_get_published,
    case_list_related,
    case_search,
    photo_get_published,
)
from .validators import photo_content_type

CASES_PER_PAGE = 12


@public_page
def case_list(request):
    form = CaseFilterForm(request.GET)
    filters = form.filters()
    page = Paginator(case_search(filters=filters), CASES_PER_PAGE).get_page(
        request.GET.get("page")
    )
    chosen = {
        key: value
        for key, value in (
            ("q", filters.text),
            ("industry", filters.industry),
            ("technology", filters.technology_category),
            ("benefit", filters.benefit),
        )
        if value
    }
    return render(
        request,
        "cases/case_list.html",
        {
            "form": form,
            "page_obj": page,
            "filtered": bool(chosen),
            "query_string": urlencode(chosen),
        },
    )


@public_page
def case_detail(request, slug: str):
    case = case_get_published(slug=slug)
    return render(
        request,
        "cases/case_detail.html",
        {"case": case, "related": case_list_related(case=case)},
    )


@cache_control(public=True, max_age=86400)
def case_photo(request, slug: str, photo_id: int):
    photo = photo_get_published(slug=slug, photo_id=photo_id)
    try:
        handle = photo.image.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    response = FileResponse(handle, content_type=photo_content_type(photo.image.name))
    response["X-Content-Type-Options"] = "nosniff"
    return response
