"""After approval: the applicant sends progress and final reports, and payment claims.

Files are saved as soon as they are posted (nothing uploaded is lost when a figure is
refused) and become part of the report or claim when it is sent.
"""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from accounts.decorators import applicant_required

from .. import permissions, selectors, services
from ..errors import ApplicationError
from ..forms.applications import (
    ApplicantClaimForm,
    ApplicantReportForm,
    FuelFigureFormSet,
)
from .common import posted, posted_files


def _save_files(request, application, form, kind: str) -> None:
    for upload, checked in form.accepted.get("files", []):
        services.attachment_add(
            user=request.user,
            organisation=application.organisation,
            upload=upload,
            checked=checked,
            kind=kind,
            application=application,
        )


@applicant_required
def report_new(request, pk: int):
    application = selectors.application_get_for_user(user=request.user, pk=pk)
    allowed, reason = permissions.can_report(application)
    if not allowed:
        messages.error(request, reason)
        return redirect("applications:detail", pk=application.pk)
    form = ApplicantReportForm(posted(request), posted_files(request))
    fuels = FuelFigureFormSet(posted(request), prefix="fuels")
    if request.method == "POST":
        valid = form.is_valid() & fuels.is_valid()
        _save_files(request, application, form, "report_evidence")
        if valid:
            values = {
                k: v for k, v in form.cleaned_data.items() if k not in ("kind", "files")
            }
            try:
                services.report_submit(
                    application=application,
                    user=request.user,
                    kind=form.cleaned_data["kind"],
                    values=values,
                    fuels=[f for f in fuels.cleaned_data if f.get("fuel")],
                )
            except ApplicationError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(
                    request, _("Your report has been sent to the Secretariat.")
                )
                return redirect("applications:detail", pk=application.pk)
    return render(
        request,
        "applications/report_form.html",
        {
            "application": application,
            "form": form,
            "fuels": fuels,
            "pending_files": selectors.pending_post_award_files(
                application=application, kind="report_evidence"
            ),
        },
    )


@applicant_required
def claim_new(request, pk: int):
    application = selectors.application_get_for_user(user=request.user, pk=pk)
    allowed, reason = permissions.can_claim(application)
    if not allowed:
        messages.error(request, reason)
        return redirect("applications:detail", pk=application.pk)
    form = ApplicantClaimForm(posted(request), posted_files(request))
    if request.method == "POST":
        valid = form.is_valid()
        _save_files(request, application, form, "receipt")
        if valid:
            data = {k: v for k, v in form.cleaned_data.items() if k != "files"}
            try:
                services.claim_submit(
                    application=application, user=request.user, **data
                )
            except ApplicationError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(
                    request, _("Your payment claim has been sent to the Secretariat.")
                )
                return redirect("applications:detail", pk=application.pk)
    return render(
        request,
        "applications/claim_form.html",
        {
            "application": application,
            "form": form,
            "pending_files": selectors.pending_post_award_files(
                application=application, kind="receipt"
            ),
            **selectors.post_award_for_applicant(application=application),
        },
    )
