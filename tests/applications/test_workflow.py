"""The workflow table and the one service that changes a status."""

import pytest
from django.utils import timezone, translation

from accounts.roles import SECRETARIAT
from applications import services, workflow
from applications.errors import TransitionNotAllowed
from applications.models import Actor, Application, ApplicationStatus, StatusChange
from tests.factories import UserFactory

S = ApplicationStatus


def test_every_status_is_in_the_table_with_an_applicant_name_and_hint():
    assert set(workflow.TRANSITIONS) == set(S.values)
    assert set(workflow.APPLICANT_NAMES) == set(S.values)
    assert set(workflow.APPLICANT_HINTS) == set(S.values)
    for targets in workflow.TRANSITIONS.values():
        assert set(targets) <= set(S.values)


@pytest.mark.parametrize("language", ["zh-hant", "zh-hans"])
def test_applicant_names_are_translated(language):
    with translation.override(language):
        for status in S:
            name = str(workflow.applicant_name(status))
            with translation.override("en"):
                english = str(workflow.applicant_name(status))
            assert name != english, status


def test_the_applicant_may_withdraw_before_a_decision_only():
    for status in S:
        allowed = workflow.can_transition(status, S.WITHDRAWN, Actor.APPLICANT)
        assert allowed == (status in workflow.PRE_DECISION), status


def test_only_the_secretariat_screens_and_decides():
    assert not workflow.can_transition(S.SUBMITTED, S.SCREENING, Actor.APPLICANT)
    assert workflow.can_transition(S.SUBMITTED, S.SCREENING, Actor.SECRETARIAT)
    assert not workflow.can_transition(S.VETTING, S.APPROVED, Actor.APPLICANT)
    assert workflow.allowed_next(S.INFO_REQUESTED, Actor.APPLICANT) == [
        S.SCREENING,
        S.WITHDRAWN,
    ]


@pytest.fixture
def submitted(ready_draft, user):
    application = ready_draft()
    services.application_submit(application=application, user=user)
    return application


@pytest.fixture
def secretariat(db):
    return UserFactory(role=SECRETARIAT, is_staff=True)


@pytest.mark.django_db
def test_a_transition_writes_who_from_to_why_and_when(submitted, secretariat):
    before = timezone.now()

    services.application_transition(
        application=submitted,
        to_status=S.SCREENING,
        actor=secretariat,
        role=Actor.SECRETARIAT,
        reason="Complete",
    )

    change = StatusChange.objects.filter(application=submitted).latest("pk")
    assert (change.from_status, change.to_status) == (S.SUBMITTED, S.SCREENING)
    assert (change.actor, change.actor_role, change.reason) == (
        secretariat,
        Actor.SECRETARIAT,
        "Complete",
    )
    assert change.created_at >= before
    assert Application.objects.get(pk=submitted.pk).status == S.SCREENING


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("to_status", "role"),
    [
        (S.SCREENING, Actor.APPLICANT),  # not the applicant's move
        (S.APPROVED, Actor.SECRETARIAT),  # not from "submitted"
        (S.DRAFT, Actor.APPLICANT),
    ],
)
def test_what_the_table_does_not_allow_is_refused_and_nothing_changes(
    submitted, secretariat, user, to_status, role
):
    actor = secretariat if role == Actor.SECRETARIAT else user
    changes = StatusChange.objects.count()

    with pytest.raises(TransitionNotAllowed):
        services.application_transition(
            application=submitted, to_status=to_status, actor=actor, role=role
        )

    assert Application.objects.get(pk=submitted.pk).status == S.SUBMITTED
    assert StatusChange.objects.count() == changes


@pytest.mark.django_db
def test_an_applicant_cannot_act_as_the_secretariat(submitted, user):
    with pytest.raises(TransitionNotAllowed):
        services.application_transition(
            application=submitted,
            to_status=S.SCREENING,
            actor=user,
            role=Actor.SECRETARIAT,
        )
    assert Application.objects.get(pk=submitted.pk).status == S.SUBMITTED


@pytest.mark.django_db
def test_another_organisations_user_cannot_withdraw(submitted, other_member):
    with pytest.raises(TransitionNotAllowed):
        services.application_withdraw(application=submitted, user=other_member.user)
    assert Application.objects.get(pk=submitted.pk).status == S.SUBMITTED


@pytest.mark.django_db
def test_completing_records_the_completion_date_for_the_repeat_rule(
    submitted, secretariat, user
):
    for to_status in (
        S.SCREENING,
        S.TECHNICAL_ASSESSMENT,
        S.VETTING,
        S.APPROVED,
        S.IN_PROGRESS,
    ):
        services.application_transition(
            application=submitted,
            to_status=to_status,
            actor=secretariat,
            role=Actor.SECRETARIAT,
        )
    services.application_transition(
        application=submitted,
        to_status=S.FINAL_REPORT_SUBMITTED,
        actor=user,
        role=Actor.APPLICANT,
    )
    services.application_transition(
        application=submitted,
        to_status=S.COMPLETED,
        actor=secretariat,
        role=Actor.SECRETARIAT,
    )

    submitted.refresh_from_db()
    assert submitted.completed_on == timezone.localdate()
    assert [c.to_status for c in submitted.status_changes.all()] == [
        S.DRAFT,
        S.SUBMITTED,
        S.SCREENING,
        S.TECHNICAL_ASSESSMENT,
        S.VETTING,
        S.APPROVED,
        S.IN_PROGRESS,
        S.FINAL_REPORT_SUBMITTED,
        S.COMPLETED,
    ]
    with pytest.raises(TransitionNotAllowed):
        services.application_withdraw(application=submitted, user=user)
