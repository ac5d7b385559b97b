"""The application: start, fill in step by step, check, submit, follow, answer, withdraw."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from accounts.decorators import applicant_required

from .. import checks, permissions, rules, selectors, services, workflow
from ..errors import ApplicationError, SubmissionRefused
from ..forms.applications import (
    STEP_FORMS,
    AnswerForm,
    CostLineFormSet,
    DocumentsForm,
    NewApplicationForm,
    WithdrawForm,
    step_form_from_saved,
)
from ..models import ApplicationStatus, SchemeKind
from ..snapshots import build_snapshot
from ..steps import COSTS, DOCUMENTS, next_step, step_get, step_title, steps_for
from ..summary import answer_sections
from .common import posted, posted_files, schemes_for_organisation

TOOLBOX_PREFILL = "toolbox_prefill"


def _toolbox_prefill(request, kind: str | None) -> dict | None:
    """The CP Toolbox's results waiting in the session, if they fit this kind."""
    prefill = request.session.get(TOOLBOX_PREFILL)
    if not isinstance(prefill, dict):
        return None
    if kind and prefill.get("kind") not in (None, "", kind):
        return None
    return prefill


@applicant_required
def new(request):
    """Start a draft: ?kind=OA|DP|OS picks the open phase's scheme (or offers a choice).

    The CP Toolbox's contract: ``request.session["toolbox_prefill"]`` (a dict with kind,
    title, summary, measures, estimated_cost_hkd, expected_benefits) fills in the new
    draft and is then removed.
    """
    kind = request.POST.get("kind") or request.GET.get("kind")
    kind = kind if kind in SchemeKind.values else None
    membership = selectors.membership_for_user(user=request.user)
    if membership is None:
        messages.info(
            request, _("Set up your organisation first; then start your application.")
        )
        return redirect(
            reverse("applications:organisation_new")
            + "?"
            + urlencode({"next": request.get_full_path()})
        )
    organisation = membership.organisation
    open_schemes = selectors.scheme_list_open(kind=kind)
    schemes = schemes_for_organisation(organisation, open_schemes)
    refusal = None
    if open_schemes and not schemes:
        refusal = rules.admission_refusal(
            kind=rules.applicant_kind(
                organisation_kind=organisation.kind, connection_test=None
            ),
            admits=rules.Admission.of(open_schemes[0]),
            scheme_label=open_schemes[0].label,
        )
    form = NewApplicationForm(
        posted(request),
        schemes=schemes,
        initial={"scheme": schemes[0].pk} if len(schemes) == 1 else {},
    )
    if request.method == "POST" and schemes and form.is_valid():
        scheme = form.cleaned_data["scheme"]
        prefill = _toolbox_prefill(request, scheme.kind)
        try:
            application = services.application_create_draft(
                user=request.user,
                scheme=scheme,
                prefill=prefill,
                key=form.cleaned_data.get("key"),
            )
        except ApplicationError as exc:
            messages.error(request, exc.message)
        else:
            if prefill is not None:
                request.session.pop(TOOLBOX_PREFILL, None)
                messages.success(
                    request, _("We have filled in your results from the CP Toolbox.")
                )
            return redirect("applications:detail", pk=application.pk)
    return render(
        request,
        "applications/new.html",
        {
            "form": form,
            "schemes": schemes,
            "kind": kind,
            "refusal": refusal,
            "phase": selectors.phase_get_current(),
            "prefill": _toolbox_prefill(request, kind),
            "organisation": organisation,
        },
    )


def _task_list(application) -> list[dict]:
    kind = application.scheme.kind
    return [
        {
            "step": step,
            "title": step_title(step, kind),
            "problems": checks.step_problems(application, step),
        }
        for step in steps_for(kind)
    ]


@applicant_required
def detail(request, pk: int):
    """The application's page: the task list while editable; status, timeline, messages."""
    application = selectors.application_get_for_user(user=request.user, pk=pk)
    editable, _reason = permissions.can_edit(application)
    context = {
        "application": application,
        "timeline": selectors.application_timeline(application=application),
        "messages_list": selectors.application_messages(application=application),
        "versions": selectors.version_list(application=application),
        "can_withdraw": permissions.can_withdraw(application)[0],
        "can_answer": permissions.can_answer(application)[0],
        "can_report": permissions.can_report(application)[0],
        "can_claim": permissions.can_claim(application)[0],
        "information_request": selectors.open_information_request(
            application=application
        ),
        "editable": editable,
        "hint": workflow.APPLICANT_HINTS[application.status],
        **selectors.post_award_for_applicant(application=application),
    }
    if editable:
        tasks = _task_list(application)
        context["tasks"] = tasks
        context["complete"] = all(not t["problems"] for t in tasks)
    return render(request, "applications/detail.html", context)


def _editable_or_redirect(request, application):
    allowed, reason = permissions.can_edit(application)
    if not allowed:
        messages.error(request, reason)
    return allowed


def _after_step(request, application, slug: str, action: str):
    if action == "continue":
        following = next_step(application.scheme.kind, slug)
        if following:
            return redirect("applications:step", pk=application.pk, step=following.slug)
        return redirect("applications:check", pk=application.pk)
    messages.success(request, _("Your answers have been saved."))
    return redirect("applications:detail", pk=application.pk)


@applicant_required
def step(request, pk: int, step: str):
    """One section of the form. Every post saves what is valid, even if not all is."""
    application = selectors.application_get_for_user(user=request.user, pk=pk)
    current = step_get(application.scheme.kind, step)
    if current is None:
        raise Http404
    if not _editable_or_redirect(request, application):
        return redirect("applications:detail", pk=application.pk)
    if current.slug == COSTS:
        return _costs_step(request, application, current)
    if current.slug == DOCUMENTS:
        return _documents_step(request, application, current)
    form_class = STEP_FORMS[current.slug]
    action = request.POST.get("action", "save")
    if request.method == "POST":
        form = form_class(
            request.POST, application=application, require=action == "continue"
        )
        valid = form.is_valid()
        try:
            services.application_save_step(
                application=application, user=request.user, values=form.saved_values()
            )
        except ApplicationError as exc:
            form.add_error(None, exc.message)
            valid = False
        if valid:
            return _after_step(request, application, current.slug, action)
    elif request.GET.get("check"):
        # From "check your answers": show what is missing next to each field.
        form = step_form_from_saved(form_class, application)
        form.is_valid()
    else:
        form = form_class(application=application)
    return render(
        request,
        "applications/step.html",
        _step_context(application, current, form=form),
    )


def _step_context(application, current, **extra) -> dict:
    kind = application.scheme.kind
    slugs = [s.slug for s in steps_for(kind)]
    return {
        "application": application,
        "step": current,
        "step_title": step_title(current, kind),
        "step_number": slugs.index(current.slug) + 1,
        "step_count": len(slugs),
        **extra,
    }


def _costs_step(request, application, current):
    action = request.POST.get("action", "save")
    formset = CostLineFormSet(posted(request), instance=application, prefix="costs")
    error = None
    if request.method == "POST" and formset.is_valid():
        lines = [
            form.cleaned_data
            for form in formset.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        if action == "continue" and not lines:
            error = _("Add at least one cost item.")
        try:
            services.application_replace_cost_lines(
                application=application, user=request.user, lines=lines
            )
        except ApplicationError as exc:
            error = exc.message
        if error is None:
            if action == "add":
                return redirect(
                    "applications:step", pk=application.pk, step=current.slug
                )
            return _after_step(request, application, current.slug, action)
        formset = CostLineFormSet(instance=application, prefix="costs")
    scheme = application.scheme
    return render(
        request,
        "applications/step_costs.html",
        _step_context(
            application,
            current,
            formset=formset,
            error=error,
            capped=rules.is_capped(
                eligible_cost=application.eligible_cost_hkd,
                share=scheme.funding_share,
                ceiling=scheme.ceiling_hkd,
            ),
        ),
    )


def _documents_step(request, application, current):
    action = request.POST.get("action", "save")
    checklist = checks.document_checklist(application)
    if request.method == "POST":
        form = DocumentsForm(request.POST, request.FILES, checklist=checklist)
        form.is_valid()
        owners = {
            "organisation": {},
            "factory": {"factory": application.factory},
            "application": {"application": application},
        }
        saved = 0
        for row in checklist:
            for upload, checked in form.accepted.get(row.field_name, []):
                try:
                    services.attachment_add(
                        user=request.user,
                        organisation=application.organisation,
                        upload=upload,
                        checked=checked,
                        kind=row.kind,
                        **owners[row.owner],
                    )
                    saved += 1
                except ApplicationError as exc:
                    form.add_error(row.field_name, exc.message)
        if saved:
            messages.success(
                request, _("Documents uploaded: %(count)s.") % {"count": saved}
            )
        checklist = checks.document_checklist(application)
        if action == "continue":
            for row in checklist:
                if row.missing and row.field_name not in form.errors:
                    form.add_error(
                        row.field_name,
                        _("Upload this document: %(document)s.")
                        % {"document": row.label},
                    )
        if not form.errors:
            return _after_step(request, application, current.slug, action)
        form.checklist = checklist
    else:
        form = DocumentsForm(checklist=checklist)
    return render(
        request,
        "applications/step_documents.html",
        _step_context(application, current, form=form, checklist=checklist),
    )


@applicant_required
def check(request, pk: int):
    """Check your answers, then submit."""
    application = selectors.application_get_for_user(user=request.user, pk=pk)
    if application.status not in workflow.EDITABLE:
        return redirect("applications:detail", pk=application.pk)
    if request.method == "POST":
        if application.status != ApplicationStatus.DRAFT:
            return redirect("applications:answer", pk=application.pk)
        try:
            services.application_submit(application=application, user=request.user)
        except SubmissionRefused as exc:
            problems = exc.problems
        except ApplicationError as exc:
            messages.error(request, exc.message)
            return redirect("applications:detail", pk=application.pk)
        else:
            return redirect("applications:acknowledgement", pk=application.pk)
    else:
        on = None
        if application.submitted_at:
            on = timezone.localdate(application.submitted_at)
        problems = checks.application_problems(
            application=application,
            on=on,
            check_phase_window=application.status == ApplicationStatus.DRAFT,
        )
    return render(
        request,
        "applications/check.html",
        {
            "application": application,
            "sections": answer_sections(build_snapshot(application)),
            "problems": problems,
            "is_draft": application.status == ApplicationStatus.DRAFT,
        },
    )


@applicant_required
def acknowledgement(request, pk: int):
    application = selectors.application_get_for_user(user=request.user, pk=pk)
    if application.reference is None:
        return redirect("applications:detail", pk=application.pk)
    return render(
        request, "applications/acknowledgement.html", {"application": application}
    )


@applicant_required
def withdraw(request, pk: int):
    application = selectors.application_get_for_user(user=request.user, pk=pk)
    allowed, reason = permissions.can_withdraw(application)
    if not allowed:
        messages.error(request, reason)
        return redirect("applications:detail", pk=application.pk)
    form = WithdrawForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.application_withdraw(
                application=application,
                user=request.user,
                reason=form.cleaned_data["reason"],
            )
        except ApplicationError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("The application has been withdrawn."))
        return redirect("applications:detail", pk=application.pk)
    return render(
        request,
        "applications/withdraw.html",
        {"application": application, "form": form},
    )


@applicant_required
def answer(request, pk: int):
    """Answer a request for information: text and documents (saved as soon as posted)."""
    application = selectors.application_get_for_user(user=request.user, pk=pk)
    allowed, reason = permissions.can_answer(application)
    if not allowed:
        messages.error(request, reason)
        return redirect("applications:detail", pk=application.pk)
    problems = []
    action = request.POST.get("action", "send")
    form = AnswerForm(
        posted(request), posted_files(request), require_body=action != "upload"
    )
    if request.method == "POST":
        valid = form.is_valid()
        for upload, checked in form.accepted.get("files", []):
            services.attachment_add(
                user=request.user,
                organisation=application.organisation,
                upload=upload,
                checked=checked,
                kind="answer",
                application=application,
            )
        if valid and action == "upload":
            messages.success(
                request, _("Your documents have been added to your answer.")
            )
            return redirect("applications:answer", pk=application.pk)
        if valid:
            try:
                services.application_answer_information_request(
                    application=application,
                    user=request.user,
                    body=form.cleaned_data["body"],
                )
            except SubmissionRefused as exc:
                problems = exc.problems
                form.add_error(None, exc.message)
            except ApplicationError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(
                    request,
                    _(
                        "Your answer has been sent. The Secretariat will continue "
                        "checking your application."
                    ),
                )
                return redirect("applications:detail", pk=application.pk)
    return render(
        request,
        "applications/answer.html",
        {
            "application": application,
            "form": form,
            "problems": problems,
            "request_message": selectors.open_information_request(
                application=application
            ),
            "pending_files": selectors.pending_answer_files(application=application),
        },
    )


@applicant_required
def version(request, pk: int, number: int):
    """What the applicant submitted, as it was recorded."""
    version = selectors.version_get_for_user(user=request.user, pk=pk, number=number)
    return render(
        request,
        "applications/version.html",
        {
            "application": version.application,
            "version": version,
            "sections": answer_sections(version.content),
        },
    )
