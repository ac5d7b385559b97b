from django.contrib import messages
from django.core.cache import cache
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.choices import Industry

from . import selectors, services
from .forms import RegistrationForm
from .models import EventRegistration, Section
from .validators import DOCUMENT_TYPES

REGISTRATIONS_PER_HOUR = 20


def programme(request):
    sections = list(selectors.section_list(page=Section.Page.PROGRAMME))
    return render(
        request,
        "pages/programme.html",
        {
            "sections": sections,
            "has_initiatives": any(s.key == "initiatives" for s in sections),
            "funding": selectors.funding_overview(),
            "industries": Industry.targeted(),
            "faq_topics": selectors.faq_topic_list(programme_page_only=True),
        },
    )


def recognition(request):
    page = selectors.recognition_page()
    # Issue 10: the recognition app adds the way to apply and the partner list.
    from recognition.public_views import page_extra

    page.extra.update(page_extra(request))
    return render(request, "pages/recognition.html", {"page": page})


def faq(request):
    return render(request, "pages/faq.html", {"topics": selectors.faq_topic_list()})


def news(request):
    page = Paginator(selectors.news_list_published(), 10).get_page(
        request.GET.get("page")
    )
    return render(request, "pages/news.html", {"page_obj": page})


def news_detail(request, slug: str):
    return render(
        request,
        "pages/news_detail.html",
        {"item": selectors.news_get_published(slug=slug)},
    )


def resources(request):
    return render(
        request,
        "pages/resources.html",
        {"kinds": selectors.resource_kind_list_with_resources()},
    )


def resource_download(request, slug: str):
    """The file in the visitor's language, or the nearest language that has one."""
    resource = selectors.resource_get_for_download(slug=slug, user=request.user)
    upload = resource.file  # modeltranslation falls back to another language
    if not upload:
        raise Http404
    extension = upload.name.rsplit(".", 1)[-1].lower()
    try:
        handle = upload.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=f"{slugify(resource.slug)}-{get_language()}.{extension}",
        content_type=DOCUMENT_TYPES.get(extension, "application/octet-stream"),
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


def events(request):
    past = Paginator(selectors.event_list_past(), 10).get_page(request.GET.get("page"))
    return render(
        request,
        "pages/events.html",
        {"upcoming": selectors.event_list_upcoming(), "page_obj": past},
    )


def event_detail(request, slug: str):
    event = selectors.event_get_published(slug=slug)
    return render(
        request,
        "pages/event_detail.html",
        {"event": event, "form": RegistrationForm()},
    )


def _too_many_registrations(request) -> bool:
    """A light brake on scripted sign-ups: so many per address per hour."""
    key = f"event-register:{request.META.get('REMOTE_ADDR', '')}"
    cache.add(key, 0, 3600)
    try:
        count = cache.incr(key)
    except ValueError:
        count = 1
    return count > REGISTRATIONS_PER_HOUR


def event_register(request, slug: str):
    event = selectors.event_get_published(slug=slug)
    if request.method != "POST":
        return redirect(f"{event.get_absolute_url()}#register")
    form = RegistrationForm(request.POST)
    if form.is_valid():
        if _too_many_registrations(request):
            form.add_error(None, _("Too many registrations from here. Try later."))
        else:
            try:
                registration = services.registration_create(
                    event_id=event.pk,
                    registrant=services.Registrant(
                        name=form.cleaned_data["name"],
                        company=form.cleaned_data["company"],
                        email=form.cleaned_data["email"],
                        phone=form.cleaned_data["phone"],
                    ),
                    language=get_language(),
                )
            except services.RegistrationRefused as refusal:
                form.add_error(None, str(refusal))
            else:
                return redirect(registration.get_absolute_url())
    return render(request, "pages/event_detail.html", {"event": event, "form": form})


def registration(request, token: str):
    item = selectors.registration_get_by_token(token=token)
    response = render(
        request,
        "pages/registration.html",
        {
            "registration": item,
            "event": item.event,
            "position": selectors.waiting_position(item),
        },
    )
    # A private page: keep it out of caches and search engines.
    response["Cache-Control"] = "no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


@require_POST
def registration_cancel(request, token: str):
    item = selectors.registration_get_by_token(token=token)
    if item.status != EventRegistration.Status.CANCELLED:
        services.registration_cancel(registration_id=item.pk)
        messages.success(request, _("Your registration has been cancelled."))
    return redirect(item.get_absolute_url())
