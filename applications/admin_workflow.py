"""The Secretariat's steps in the admin. Each step is one ``Operation``: the batch
action on the change list and the button on an application's page show the same
form and call the same service, once per application, each in its own transaction."""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib import messages
from django.contrib.admin import helpers
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import services, workflow
from .errors import ApplicationError
from .forms.workflow import AssignForm, NoteForm, RejectForm
from .models import Actor, Application
from .models import ApplicationStatus as S


@dataclass(frozen=True)
class Operation:
    slug: str
    label: object
    to_status: str | None  # None: not a move (assignment)
    run: Callable  # run(application, user, cleaned_data)
    form_class: type = NoteForm
    form_kwargs: dict = field(default_factory=dict)
    explanation: object = ""

    def applies_to(self, application: Application) -> bool:
        if self.to_status is None:
            return application.status not in (S.DRAFT, S.WITHDRAWN, S.CLOSED)
        return workflow.can_transition(
            application.status, self.to_status, Actor.SECRETARIAT
        )

    def make_form(self, data=None):
        return self.form_class(data, **self.form_kwargs)


def _move(to_status):
    def run(application, user, data):
        services.application_move(
            application=application,
            user=user,
            to_status=to_status,
            note=data.get("note", ""),
        )

    return run


def _request_information(application, user, data):
    services.application_request_information(
        application=application, user=user, body=data["note"]
    )


def _reject(application, user, data):
    services.application_decide(
        application=application,
        user=user,
        outcome="rejected",
        reasons=data["reasons"],
        meeting_reference=data.get("meeting_reference", ""),
    )


def _assign(application, user, data):
    services.application_assign(
        application=application,
        user=user,
        case_officer=data.get("case_officer"),
        technical_assessor=data.get("technical_assessor"),
    )


def _note(required=False, label=None, help_text=None):
    return {"note_required": required, "note_label": label, "note_help": help_text}


OPERATIONS: dict[str, Operation] = {
    op.slug: op
    for op in [
        Operation(
            "screen",
            _("Start screening"),
            S.SCREENING,
            _move(S.SCREENING),
            explanation=_("Check that the application is complete and eligible."),
        ),
        Operation(
            "request-information",
            _("Request information from the applicant"),
            S.INFO_REQUESTED,
            _request_information,
            form_kwargs=_note(
                True,
                _("Message to the applicant"),
                _(
                    "The applicant reads this on the dashboard and by e-mail, and "
                    "answers on the portal."
                ),
            ),
        ),
        Operation(
            "to-assessment",
            _("Send to technical assessment"),
            S.TECHNICAL_ASSESSMENT,
            _move(S.TECHNICAL_ASSESSMENT),
            form_kwargs=_note(
                help_text=_("Required when the committee sends it back: say why.")
            ),
        ),
        Operation(
            "to-vetting",
            _("Send to the committee (vetting)"),
            S.VETTING,
            _move(S.VETTING),
            explanation=_("The technical assessment must be recorded first."),
        ),
        Operation(
            "reject",
            _("Reject"),
            S.REJECTED,
            _reject,
            form_class=RejectForm,
            explanation=_("Records a decision not to approve; the applicant is told."),
        ),
        Operation(
            "start",
            _("Mark the project as started"),
            S.IN_PROGRESS,
            _move(S.IN_PROGRESS),
            explanation=_("After the applicant has accepted the terms of the grant."),
        ),
        Operation(
            "complete",
            _("Mark the project as completed"),
            S.COMPLETED,
            _move(S.COMPLETED),
            explanation=_("The final report must be verified first."),
        ),
        Operation(
            "close",
            _("Close the project"),
            S.CLOSED,
            _move(S.CLOSED),
            explanation=_(
                "The final report must be verified and the final claim paid."
            ),
        ),
        Operation(
            "withdraw",
            _("Record a withdrawal the applicant asked for"),
            S.WITHDRAWN,
            _move(S.WITHDRAWN),
            form_kwargs=_note(
                True, _("The applicant's request (letter, e-mail, date)")
            ),
        ),
        Operation(
            "assign",
            _("Assign case officer or technical assessor"),
            None,
            _assign,
            form_class=AssignForm,
        ),
    ]
}


def run_operation(request, op: Operation, applications, data) -> int:
    """Run the step on each application; report what was done and what was refused."""
    done, refused = 0, []
    for application in applications:
        try:
            op.run(application, request.user, data)
            done += 1
        except ApplicationError as exc:
            refused.append(f"{application}: {exc.message}")
    if done:
        messages.success(
            request,
            ngettext(
                "%(step)s: done for %(count)d application.",
                "%(step)s: done for %(count)d applications.",
                done,
            )
            % {"step": op.label, "count": done},
        )
    for line in refused:
        messages.error(request, line)
    return done


def operation_form_response(
    modeladmin, request, op: Operation, applications, form, *, batch: bool
):
    context = {
        **modeladmin.admin_site.each_context(request),
        "opts": modeladmin.model._meta,
        "title": op.label,
        "operation": op,
        "applications": applications,
        # Shown before the step is taken: these will be refused, the rest done.
        "not_applicable": [a for a in applications if not op.applies_to(a)],
        "form": form,
        "batch": batch,
        "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        "select_across": request.POST.get("select_across", "0"),
    }
    return TemplateResponse(request, "applications/admin/operation.html", context)


def make_action(op: Operation):
    """The change list's batch action for ``op``: asks for the form, then runs."""

    def action(modeladmin, request, queryset):
        applications = list(queryset)
        form = op.make_form(request.POST if "confirm" in request.POST else None)
        if "confirm" in request.POST and form.is_valid():
            run_operation(request, op, applications, form.cleaned_data)
            return None  # back to the change list
        return operation_form_response(
            modeladmin, request, op, applications, form, batch=True
        )

    action.__name__ = f"op_{op.slug.replace('-', '_')}"
    action.short_description = op.label
    action.allowed_permissions = ("workflow",)
    return action
