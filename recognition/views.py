"""The organisation's side: start, fill in, submit and follow recognition applications,
and download certificates. Every object comes through a selector scoped to the user."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.decorators import applicant_required
from applications.selectors import organisation_for_user
from core.uploads import private_file_response

from . import selectors, services, workflow
from .forms import DetailsForm, EvidenceForm, MeasureForm, MeasureFormSet, StartForm
from .models import Status


def _organisation_or_setup(request):
    return organisation_for_user(user=request.user)


@applicant_required
def index(request):
    organisation = _organisation_or_setup(request)
    if organisation is None:
        return redirect("applications:dashboard")
    page = Paginator(selectors.application_list_for_user(user=request.user), 10)
    return render(
        request,
        "recognition/index.html",
        {
            "organisation": organisation,
            "page_obj": page.get_page(request.GET.get("page")),
            "cycle": selectors.cycle_get_open(),
            "next_cycle": selectors.cycle_get_next(),
            "form": StartForm(organisation=organisation),
            "workflow": workflow,
        },
    )


@applicant_required
@require_POST
def new(request):
    organisation = _organisation_or_setup(request)
    if organisation is None:
        return redirect("applications:dashboard")
    cycle = selectors.cycle_get_open()
    form = StartForm(request.POST, organisation=organisation)
    if form.is_valid() and cycle is not None:
        try:
            application = services.application_create_draft(
                user=request.user,
                cycle=cycle,
                category=form.cleaned_data["category"],
                factory=form.cleaned_data["factory"],
            )
        except services.RecognitionRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            return redirect("recognition:detail", application.pk)
    elif cycle is None:
        form.add_error(None, _("No recognition cycle is open for applications."))
    page = Paginator(selectors.application_list_for_user(user=request.user), 10)
    return render(
        request,
        "recognition/index.html",
        {
            "organisation": organisation,
            "page_obj": page.get_page(1),
            "cycle": cycle,
            "next_cycle": selectors.cycle_get_next(),
            "form": form,
            "workflow": workflow,
        },
        status=400,
    )


def _measure_initial(application):
    return [
        {field: getattr(measure, field) for field in MeasureForm.Meta.fields}
        for measure in application.measures.all()
    ]


def _measures_from(formset) -> list[services.MeasureData]:
    """The measures typed in; blank extra rows and rows marked for removal are left."""
    return [
        services.MeasureData(
            **{k: v for k, v in form.cleaned_data.items() if k != "DELETE"}
        )
        for form in formset.forms
        if form.cleaned_data and not form.cleaned_data.get("DELETE")
    ]


@applicant_required
def detail(request, pk: int):
    application = selectors.application_get_for_user(user=request.user, pk=pk)
    if application.status not in workflow.EDITABLE:
        return render(
            request,
            "recognition/detail.html",
            {
                "application": application,
                "workflow": workflow,
                "changes": application.status_changes.all(),
                "award": getattr(application, "award", None),
                "can_withdraw": workflow.allowed(
                    application.status, Status.WITHDRAWN, workflow.APPLICANT
                ),
            },
        )
    if request.method == "POST":
        form = DetailsForm(request.POST, instance=application)
        formset = MeasureFormSet(request.POST, prefix="measures")
        evidence_form = EvidenceForm(request.POST, request.FILES)
        if form.is_valid() and formset.is_valid() and evidence_form.is_valid():
            try:
                services.application_save(
                    application=application,
                    summary=form.cleaned_data["summary"],
                    earlier_project_ids=[
                        p.pk for p in form.cleaned_data["earlier_projects"]
                    ],
                    declares_no_convictions=form.cleaned_data[
                        "declares_no_convictions"
                    ],
                    declares_information_true=form.cleaned_data[
                        "declares_information_true"
                    ],
                    measures=_measures_from(formset),
                )
                upload = evidence_form.cleaned_data.get("file")
                if upload:
                    services.evidence_add(
                        application=application,
                        user=request.user,
                        upload=upload,
                        kind=evidence_form.cleaned_data["kind"],
                        description=evidence_form.cleaned_data["description"],
                    )
            except services.RecognitionRefused as refusal:
                form.add_error(None, str(refusal))
            else:
                messages.success(request, _("Your answers have been saved."))
                return redirect("recognition:detail", application.pk)
    else:
        form = DetailsForm(instance=application)
        formset = MeasureFormSet(
            prefix="measures", initial=_measure_initial(application)
        )
        evidence_form = EvidenceForm()
    return render(
        request,
        "recognition/edit.html",
        {
            "application": application,
            "form": form,
            "formset": formset,
            "evidence_form": evidence_form,
            "evidence": application.evidence.all(),
            "missing": services.application_missing(application),
        },
        status=400 if request.method == "POST" else 200,
    )


@applicant_required
@require_POST
def submit(request, pk: int):
    application = selectors.application_get_for_user(user=request.user, pk=pk)
    try:
        services.application_submit(
            application=application, user=request.user, language=get_language()
        )
    except services.RecognitionRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(
            request,
            _("Application %(reference)s has been submitted.")
            % {"reference": application.reference},
        )
    return redirect("recognition:detail", application.pk)


@applicant_required
@require_POST
def withdraw(request, pk: int):
    application = selectors.application_get_for_user(user=request.user, pk=pk)
    try:
        services.application_withdraw(application=application, user=request.user)
    except services.RecognitionRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("The application has been withdrawn."))
    return redirect("recognition:index")


@applicant_required
def evidence_download(request, uuid):
    evidence = selectors.evidence_get_for_user(user=request.user, uuid=uuid)
    return private_file_response(evidence.file, filename=evidence.original_name)


@applicant_required
@require_POST
def evidence_remove(request, uuid):
    evidence = selectors.evidence_get_for_user(user=request.user, uuid=uuid)
    try:
        services.evidence_remove(evidence=evidence)
    except services.RecognitionRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("The file has been removed."))
    return redirect("recognition:detail", evidence.application_id)


@applicant_required
def certificate(request, pk: int):
    award = selectors.award_get_for_user(user=request.user, pk=pk)
    return private_file_response(
        award.certificate,
        filename=f"{award.serial}.pdf",
        content_type="application/pdf",
    )
