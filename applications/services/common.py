"""Checks every service makes before it writes (defence in depth behind the selectors)."""

from ..errors import ApplicationError
from ..models import Membership
from ..selectors import membership_for_user


def require_member(user, organisation_id: int, message: str) -> Membership:
    """The user's membership of this organisation, or ApplicationError(message)."""
    membership = membership_for_user(user=user)
    if membership is None or membership.organisation_id != organisation_id:
        raise ApplicationError(message)
    return membership
