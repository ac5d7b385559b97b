from datetime import date

import pytest

from recognition import rules, workflow
from recognition.models import Status


def test_references_and_serial_numbers_are_zero_padded():
    assert rules.format_reference(year=2026, number=7) == "RS-2026-0007"
    assert rules.format_serial(year=2026, code="EM", number=12) == "HKGDCP-2026-EM-0012"


@pytest.mark.parametrize(
    ("awarded", "years", "until"),
    [
        (date(2026, 10, 30), 2, date(2028, 10, 29)),
        (date(2024, 2, 29), 1, date(2025, 2, 27)),
        (date(2026, 1, 1), 3, date(2028, 12, 31)),
    ],
)
def test_the_label_is_valid_until_the_day_before_the_anniversary(awarded, years, until):
    assert rules.valid_until(awarded_on=awarded, years=years) == until


@pytest.mark.parametrize(
    ("today", "due"),
    [
        (date(2026, 6, 22), False),
        (date(2026, 6, 23), True),
        (date(2026, 6, 30), True),
        (date(2026, 7, 1), False),
    ],
)
def test_reminders_fall_in_the_last_days_of_the_window(today, due):
    assert (
        rules.reminder_due(closes_on=date(2026, 6, 30), reminder_days=7, today=today)
        is due
    )


def test_an_incomplete_draft_lists_everything_missing():
    missing = rules.missing_for_submission(
        summary=" ",
        measure_count=0,
        evidence_count=0,
        declares_no_convictions=False,
        declares_information_true=False,
        window_open=False,
    )
    assert len(missing) == 6
    assert (
        rules.missing_for_submission(
            summary="x",
            measure_count=1,
            evidence_count=1,
            declares_no_convictions=True,
            declares_information_true=True,
            window_open=True,
        )
        == []
    )


def test_the_workflow_table_gives_each_step_to_its_role():
    assert workflow.allowed(Status.DRAFT, Status.SUBMITTED, "applicant")
    assert not workflow.allowed(Status.DRAFT, Status.SUBMITTED, "secretariat")
    assert not workflow.allowed(Status.SUBMITTED, Status.AWARDED, "secretariat")
    assert not workflow.allowed(Status.ON_NOTICE, Status.WITHDRAWN, "applicant")
    assert workflow.allowed(Status.ON_NOTICE, Status.AWARDED, "secretariat")
    assert workflow.next_statuses(Status.AWARDED, "secretariat") == []
    assert set(workflow.APPLICANT_NAMES) == set(Status.values)
