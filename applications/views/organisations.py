"""The organisation's pages: details, contacts, evidence, members, factories."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.decorators import applicant_required

from .. import permissions, rules, selectors, services
from ..errors import ApplicationError
from ..forms.organisations import (
    ContactFormSet,
    EvidenceForm,
    FactoryForm,
    FuelFormSet,
    InviteForm,
    OrganisationForm,
)
from ..models import Organisation
from .common import act, posted, posted_files, safe_next


def _rows(formset) -> list[dict]:
    return [
        {
            k: v
            for k, v in form.cleaned_data.items()
            if k not in {"id", "DELETE"} and k != formset.fk.name
        }
        for form in formset.forms
        if form.cleaned_data and not form.cleaned_data.get("DELETE")
    ]


def _membership_or_setup(request):
    membership = selectors.membership_for_user(user=request.user)
    if membership is None:
        messages.info(request, _("Set up your organisation first."))
    return membership


def _save_evidence(request, form, organisation, factory=None) -> int:
    saved = 0
    for kind, files in form.accepted.items():
        for upload, checked in files:
            services.attachment_add(
                user=request.user,
                organisation=organisation,
                upload=upload,
                checked=checked,
                kind=kind,
                factory=factory,
            )
            saved += 1
    if saved:
        messages.success(
            request, _("Documents uploaded: %(count)s.") % {"count": saved}
        )
    return saved


def _organisation_form_page(request, organisation, save, success: str, done: str):
    """The organisation's details and contacts: one page to set up or correct them."""
    form = OrganisationForm(posted(request), instance=organisation)
    contacts = ContactFormSet(
        posted(request), instance=organisation or Organisation(), prefix="contacts"
    )
    if request.method == "POST":
        valid = form.is_valid()
        valid = contacts.is_valid() and valid
        if valid:
            try:
                save(
                    user=request.user,
                    values=form.cleaned_data,
                    contacts=_rows(contacts),
                )
            except ApplicationError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(request, success)
                return redirect(done)
    return render(
        request,
        "applications/organisation_form.html",
        {
            "form": form,
            "contacts": contacts,
            "creating": organisation is None,
            "next": safe_next(request, ""),
        },
    )


@applicant_required
def organisation_new(request):
    """Register the organisation; the user becomes its administrator."""
    if selectors.membership_for_user(user=request.user) is not None:
        return redirect("applications:organisation")
    return _organisation_form_page(
        request,
        None,
        services.organisation_create,
        _("Your organisation is set up. Upload its evidence documents next."),
        safe_next(request, reverse("applications:organisation")),
    )


@applicant_required
def organisation_edit(request):
    membership = _membership_or_setup(request)
    if membership is None:
        return redirect("applications:organisation_new")
    allowed, reason = permissions.can_manage_members(membership)
    if not allowed:
        messages.error(request, reason)
        return redirect("applications:organisation")
    return _organisation_form_page(
        request,
        membership.organisation,
        services.organisation_update,
        _("The organisation's details have been saved."),
        reverse("applications:organisation"),
    )


@applicant_required
def organisation_detail(request):
    """Details, evidence (uploads post here), members and invitations, factories."""
    membership = _membership_or_setup(request)
    if membership is None:
        return redirect("applications:organisation_new")
    organisation = membership.organisation
    kinds = rules.ORGANISATION_EVIDENCE[organisation.kind]
    evidence_form = EvidenceForm(posted(request), posted_files(request), kinds=kinds)
    if request.method == "POST":
        evidence_form.is_valid()
        _save_evidence(request, evidence_form, organisation)
        if not evidence_form.errors:
            return redirect("applications:organisation")
    return render(
        request,
        "applications/organisation.html",
        {
            "organisation": organisation,
            "membership": membership,
            "is_admin": membership.is_administrator,
            "contacts": organisation.contacts.all(),
            "evidence": selectors.organisation_evidence(organisation=organisation),
            "evidence_form": evidence_form,
            "members": selectors.member_list(organisation=organisation),
            "invitations": selectors.invitation_list_pending(organisation=organisation),
            "invite_form": InviteForm(),
            "factories": organisation.factories.all(),
        },
    )


@applicant_required
@require_POST
def member_invite(request):
    form = InviteForm(request.POST)
    if form.is_valid():
        email = form.cleaned_data["email"].lower()
        act(
            request,
            lambda: services.member_invite(
                user=request.user, email=email, language=translation.get_language()
            ),
            _("An invitation has been sent to %(email)s.") % {"email": email},
        )
    else:
        messages.error(request, _("Enter a valid e-mail address."))
    return redirect("applications:organisation")


@applicant_required
@require_POST
def member_remove(request, pk: int):
    membership = selectors.member_get_for_admin(user=request.user, pk=pk)
    act(
        request,
        lambda: services.member_remove(user=request.user, membership=membership),
        _("%(name)s no longer belongs to the organisation.")
        % {"name": membership.user.get_full_name()},
    )
    return redirect("applications:organisation")


@applicant_required
@require_POST
def invitation_revoke(request, pk: int):
    invitation = selectors.invitation_get_for_organisation(user=request.user, pk=pk)
    act(
        request,
        lambda: services.invitation_revoke(user=request.user, invitation=invitation),
        _("The invitation has been withdrawn."),
    )
    return redirect("applications:organisation")


def join(request, token: str):
    """The e-mailed invitation link: sign in (or register) with the invited address."""
    invitation = services.invitation_from_token(token)
    if invitation is None:
        return render(request, "applications/join_invalid.html", status=404)
    if request.method == "POST" and request.user.is_authenticated:
        if _accept(request, invitation):
            return redirect("applications:dashboard")
    return render(request, "applications/join.html", {"invitation": invitation})


@applicant_required
@require_POST
def invitation_accept(request, pk: int):
    """Accept an invitation listed on the dashboard (addressed to the user's e-mail)."""
    invitation = (
        selectors.invitation_list_for_user(user=request.user).filter(pk=pk).first()
    )
    if invitation is None:
        raise Http404
    _accept(request, invitation)
    return redirect("applications:dashboard")


def _accept(request, invitation) -> bool:
    return act(
        request,
        lambda: services.invitation_accept(user=request.user, invitation=invitation),
        _("You have joined %(organisation)s.")
        % {"organisation": invitation.organisation.display_name},
    )


# --- Factories ----------------------------------------------------------------------


def _factory_page(request, factory=None):
    membership = _membership_or_setup(request)
    if membership is None:
        return redirect("applications:organisation_new")
    if membership.organisation.is_association:
        messages.info(
            request, _("Trade and industry associations apply without a factory.")
        )
        return redirect("applications:organisation")
    posted = request.method == "POST"
    which = request.POST.get("form", "factory")
    form = FactoryForm(
        request.POST if posted and which == "factory" else None, instance=factory
    )
    fuels = FuelFormSet(
        request.POST if posted and which == "factory" else None,
        instance=factory,
        prefix="fuels",
    )
    evidence_form = None
    if factory is not None:
        evidence_form = EvidenceForm(
            request.POST if posted and which == "evidence" else None,
            request.FILES if posted and which == "evidence" else None,
            kinds=rules.CONNECTION_EVIDENCE[factory.connection_test],
        )
    if posted and which == "evidence" and evidence_form is not None:
        evidence_form.is_valid()
        _save_evidence(request, evidence_form, membership.organisation, factory)
        if not evidence_form.errors:
            return redirect("applications:factory_edit", pk=factory.pk)
    elif posted:
        valid = form.is_valid()
        valid = fuels.is_valid() and valid
        if valid:
            try:
                saved = services.factory_save(
                    user=request.user,
                    values=form.cleaned_data,
                    fuels=_rows(fuels),
                    factory=factory,
                )
            except ApplicationError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(
                    request,
                    _("The factory has been saved.")
                    if factory
                    else _(
                        "The factory has been added. Upload the evidence of its connection with your business below."
                    ),
                )
                return redirect(
                    safe_next(
                        request, reverse("applications:factory_edit", args=[saved.pk])
                    )
                )
    return render(
        request,
        "applications/factory_form.html",
        {
            "factory": factory,
            "form": form,
            "fuels": fuels,
            "evidence_form": evidence_form,
            "evidence": selectors.factory_evidence(factory=factory) if factory else [],
            "next": safe_next(request, ""),
        },
    )


@applicant_required
def factory_new(request):
    return _factory_page(request)


@applicant_required
def factory_edit(request, pk: int):
    return _factory_page(
        request, selectors.factory_get_for_user(user=request.user, pk=pk)
    )
