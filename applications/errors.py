"""Refusals the services raise, each with a plain message for the person acting."""

from collections.abc import Sequence


class ApplicationError(Exception):
    """A refused action; ``message`` is shown to the user as it is."""

    def __init__(self, message: str, problems: Sequence = ()):
        super().__init__(message)
        self.message = message
        self.problems = list(problems)

    def __str__(self) -> str:
        return str(self.message)


class TransitionNotAllowed(ApplicationError):
    """The workflow table does not allow this move for this actor."""


class NotEditable(ApplicationError):
    """The application's content can no longer be changed by the applicant."""


class SubmissionRefused(ApplicationError):
    """The application is incomplete or not eligible; ``problems`` say why."""
