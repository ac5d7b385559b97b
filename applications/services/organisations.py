"""Writes to organisations, their members and invitations, and their factories."""

from datetime import timedelta
from functools import partial

from django.core import signing
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.roles import user_role

from .. import tasks
from ..errors import ApplicationError
from ..models import (
    FACTORY_FIELDS,
    ORGANISATION_FIELDS,
    ContactPerson,
    Factory,
    FactoryFuel,
    Invitation,
    Membership,
    MembershipRole,
    Organisation,
)
from ..selectors import membership_for_user

INVITATION_SALT = "applications.invitation"
INVITATION_MAX_AGE = timedelta(days=14)


def _forget_membership(user) -> None:
    user.__dict__.pop("_cp_membership", None)


def _require_administrator(user) -> Membership:
    membership = membership_for_user(user=user)
    if membership is None or not membership.is_administrator:
        raise ApplicationError(_("Only your organisation's administrator can do this."))
    return membership


def _br_taken() -> ApplicationError:
    return ApplicationError(
        _(
            "An organisation with this Business Registration number already uses the "
            "portal. Ask its administrator to invite you, or contact the Secretariat."
        )
    )


def _replace_contacts(organisation: Organisation, contacts: list[dict]) -> None:
    organisation.contacts.all().delete()
    ContactPerson.objects.bulk_create(
        ContactPerson(organisation=organisation, **contact) for contact in contacts
    )


def organisation_create(*, user, values: dict, contacts: list[dict]) -> Organisation:
    """Register the user's organisation; its first user is its administrator."""
    if membership_for_user(user=user) is not None:
        raise ApplicationError(_("You already belong to an organisation."))
    if user_role(user) in {"secretariat", "epd"}:
        raise ApplicationError(_("Staff accounts cannot apply for funding."))
    try:
        with transaction.atomic():
            organisation = Organisation.objects.create(
                **{k: values[k] for k in ORGANISATION_FIELDS if k in values}
            )
            Membership.objects.create(
                organisation=organisation, user=user, role=MembershipRole.ADMINISTRATOR
            )
            _replace_contacts(organisation, contacts)
    except IntegrityError as exc:
        raise _br_taken() from exc
    _forget_membership(user)
    return organisation


def organisation_update(*, user, values: dict, contacts: list[dict]) -> Organisation:
    """The administrator corrects the organisation's details (its kind stays)."""
    organisation = _require_administrator(user).organisation
    try:
        with transaction.atomic():
            for name in ORGANISATION_FIELDS:
                if name in values and name != "kind":
                    setattr(organisation, name, values[name])
            organisation.save()
            _replace_contacts(organisation, contacts)
    except IntegrityError as exc:
        raise _br_taken() from exc
    return organisation


# --- Members and invitations ----------------------------------------------------------


def invitation_token(invitation: Invitation) -> str:
    return signing.dumps(
        {"invitation": invitation.pk, "email": invitation.email.lower()},
        salt=INVITATION_SALT,
    )


def invitation_from_token(token: str) -> Invitation | None:
    """The pending invitation a signed, unexpired token names, or None."""
    try:
        data = signing.loads(
            token, salt=INVITATION_SALT, max_age=INVITATION_MAX_AGE.total_seconds()
        )
    except signing.BadSignature:
        return None
    invitation = (
        Invitation.objects.select_related("organisation", "invited_by")
        .filter(pk=data.get("invitation"), accepted_at=None, revoked_at=None)
        .first()
    )
    if invitation is None or invitation.email.lower() != data.get("email"):
        return None
    return invitation


def member_invite(*, user, email: str, language: str) -> Invitation:
    """The administrator invites a colleague by e-mail (sent after commit)."""
    membership = _require_administrator(user)
    organisation = membership.organisation
    email = email.strip().lower()
    if organisation.memberships.filter(user__email__iexact=email).exists():
        raise ApplicationError(_("This person is already a member."))
    with transaction.atomic():
        invitation = (
            Invitation.objects.select_for_update()
            .filter(
                organisation=organisation,
                email__iexact=email,
                accepted_at=None,
                revoked_at=None,
            )
            .first()
        )
        if invitation is None:
            invitation = Invitation.objects.create(
                organisation=organisation,
                email=email,
                invited_by=user,
                language=language,
            )
        else:  # invite again: send the e-mail again
            invitation.sent_at = None
            invitation.language = language
            invitation.save(update_fields=["sent_at", "language", "updated_at"])
        transaction.on_commit(partial(tasks.send_invitation.delay, invitation.pk))
    return invitation


def invitation_accept(*, user, invitation: Invitation) -> Membership:
    """The invitee, signed in with the invited address, joins the organisation."""
    if invitation.email.lower() != user.email.lower():
        raise ApplicationError(
            _(
                "This invitation was sent to another e-mail address. Sign in with "
                "the address the invitation was sent to."
            )
        )
    if membership_for_user(user=user) is not None:
        raise ApplicationError(
            _("You already belong to an organisation, so you cannot join another.")
        )
    if user_role(user) in {"secretariat", "epd"}:
        raise ApplicationError(_("Staff accounts cannot apply for funding."))
    with transaction.atomic():
        locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if not locked.is_pending:
            raise ApplicationError(_("This invitation is no longer valid."))
        membership = Membership.objects.create(
            organisation=locked.organisation, user=user, role=MembershipRole.MEMBER
        )
        locked.accepted_at = timezone.now()
        locked.accepted_by = user
        locked.save(update_fields=["accepted_at", "accepted_by", "updated_at"])
    _forget_membership(user)
    return membership


def invitation_revoke(*, user, invitation: Invitation) -> None:
    membership = _require_administrator(user)
    if invitation.organisation_id != membership.organisation_id:
        raise ApplicationError(_("Only your organisation's administrator can do this."))
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at", "updated_at"])


def member_remove(*, user, membership: Membership) -> None:
    """The administrator removes a colleague (never themselves: someone must remain)."""
    administrator = _require_administrator(user)
    if membership.organisation_id != administrator.organisation_id:
        raise ApplicationError(_("Only your organisation's administrator can do this."))
    if membership.pk == administrator.pk:
        raise ApplicationError(_("You cannot remove yourself as administrator."))
    membership.delete()


# --- Factories ----------------------------------------------------------------------


def factory_save(
    *, user, values: dict, fuels: list[dict], factory: Factory | None = None
) -> Factory:
    """Add or correct a factory of the user's organisation, with its fuel baseline."""
    membership = membership_for_user(user=user)
    if membership is None:
        raise ApplicationError(_("Set up your organisation first."))
    organisation = membership.organisation
    if organisation.is_association:
        raise ApplicationError(
            _("Trade and industry associations apply without a factory.")
        )
    if factory is not None and factory.organisation_id != organisation.pk:
        raise ApplicationError(_("You cannot change this factory."))
    with transaction.atomic():
        factory = factory or Factory(organisation=organisation)
        for name in FACTORY_FIELDS:
            if name in values:
                setattr(factory, name, values[name])
        factory.save()
        factory.fuels.all().delete()
        FactoryFuel.objects.bulk_create(
            FactoryFuel(factory=factory, **f) for f in fuels
        )
    return factory
