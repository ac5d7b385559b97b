"""Letters of decision: one per decision, in the applicant's language, kept private."""

from contextlib import contextmanager
from pathlib import Path

import pytest
from django.core import mail
from django.db import transaction
from django.test.utils import CaptureQueriesContext

from cpportal.celery import app as celery_app
from letters import services
from letters.models import LetterRequest, LetterStatus
from letters.tasks import render_letter

from .conftest import pdf_text
from .factories import ApplicationFactory, DecisionFactory

pytestmark = pytest.mark.django_db


@contextmanager
def broker_down():
    """Celery publishes to a port nothing listens on (a fresh producer pool)."""
    conf = celery_app.conf
    saved = conf.broker_url
    conf.broker_url = "redis://127.0.0.1:1/0"
    conf.task_always_eager = False
    celery_app.amqp._producer_pool = None
    try:
        yield
    finally:
        conf.broker_url = saved
        conf.task_always_eager = True
        celery_app.amqp._producer_pool = None


def test_an_approval_makes_one_letter_with_the_grant_and_its_basis(decide):
    letter = decide(DecisionFactory())

    assert letter.status == LetterStatus.DONE
    assert letter.version == 1
    assert letter.file.read(5) == b"%PDF-"
    text = pdf_text(letter)
    assert "Approval of funding" in text
    assert letter.reference in text
    for figure in ("HK$60,000", "50%", "HK$28,000"):
        assert figure in text
    assert "Submit the assessment report of the service provider." in text
    assert LetterRequest.objects.count() == 1


@pytest.mark.parametrize(
    ("language", "approved", "rejected"),
    [
        ("zh-hant", "資助批准", "資助申請結果"),
        ("zh-hans", "资助批准", "资助申请结果"),
    ],
)
def test_the_letter_is_in_the_applicants_language(decide, language, approved, rejected):
    approval = decide(DecisionFactory(application__language=language))
    refusal = decide(DecisionFactory(application__language=language, rejected=True))

    assert approval.language == refusal.language == language
    assert approved in pdf_text(approval)
    text = pdf_text(refusal)
    assert rejected in text
    assert "The expected savings are not supported by the utility bills." in text


def test_a_rejection_gives_the_reasons_and_no_grant(decide):
    text = pdf_text(decide(DecisionFactory(rejected=True)))

    assert "has not approved your application" in text
    assert "Reasons" in text
    assert "HK$" not in text


def test_asking_twice_or_running_the_task_twice_makes_no_second_letter(decide):
    decision = DecisionFactory()
    letter = decide(decision)
    digest = letter.sha256

    again = decide(decision)
    assert render_letter.delay(letter.pk).get() is False
    services.letters_sweep()

    assert again.pk == letter.pk
    assert LetterRequest.objects.count() == 1
    letter.refresh_from_db()
    assert letter.sha256 == digest
    files = list(Path(letter.file.path).parent.glob(f"{letter.uuid}*"))
    assert files == [Path(letter.file.path)]


def test_a_decision_rolled_back_leaves_no_letter(django_capture_on_commit_callbacks):
    decision = DecisionFactory()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(RuntimeError), transaction.atomic():
            services.letter_request_for_decision(decision_id=decision.pk)
            raise RuntimeError("the decision failed to save")

    assert callbacks == []
    assert LetterRequest.objects.count() == 0


def test_an_amended_decision_makes_a_new_numbered_letter_and_keeps_the_old(decide):
    first = decide(DecisionFactory())
    amended = DecisionFactory(
        application=first.application,
        number=2,
        approved_eligible_cost_hkd="40000",
        approved_amount_hkd="20000",
    )

    second = decide(amended)

    assert (first.version, second.version) == (1, 2)
    assert second.reference.endswith("/L2")
    first.refresh_from_db()
    assert first.status == LetterStatus.DONE and Path(first.file.path).exists()
    text = pdf_text(second)
    assert f"replaces our letter {first.reference}" in text
    assert "HK$20,000" in text


def test_the_letter_is_emailed_once_to_each_member_with_the_pdf(decide):
    letter = decide(DecisionFactory(application__language="zh-hant"))

    services.letters_sweep()

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [letter.addressee.email]
    assert "已獲批准" in message.subject
    (name, content, mimetype) = message.attachments[0]
    assert (name, mimetype) == (letter.download_name, "application/pdf")
    assert content[:5] == b"%PDF-"
    letter.refresh_from_db()
    assert letter.emailed_at is not None


def test_with_the_broker_down_the_decision_is_saved_and_the_sweep_makes_the_letter(
    django_capture_on_commit_callbacks,
):
    decision = DecisionFactory()
    with broker_down(), django_capture_on_commit_callbacks(execute=True):
        with transaction.atomic():
            services.letter_request_for_decision(decision_id=decision.pk)

    letter = LetterRequest.objects.get(decision=decision)
    assert letter.status == LetterStatus.PENDING
    assert letter.dispatched_at is None

    assert services.letters_sweep()["dispatched"] == 1

    letter.refresh_from_db()
    assert letter.status == LetterStatus.DONE


def test_the_sweep_requests_the_letter_of_a_decision_recorded_without_one():
    decision = DecisionFactory(rejected=True)

    result = services.letters_sweep()

    assert result["requested"] == 1
    assert decision.letter_request.status == LetterStatus.DONE
    assert services.letters_sweep() == {"requested": 0, "dispatched": 0, "emails": 0}


def test_a_recent_pending_letter_is_left_to_its_worker_until_it_is_stale(
    django_capture_on_commit_callbacks,
):
    from datetime import timedelta

    from django.utils import timezone

    letter = LetterRequest.objects.create(
        decision=DecisionFactory(),
        application=ApplicationFactory(),
        version=1,
        language="en",
        dispatched_at=timezone.now(),
    )

    assert services.letters_sweep()["dispatched"] == 0
    later = timezone.now() + timedelta(seconds=121)
    assert services.letters_sweep(now=later)["dispatched"] == 1
    letter.refresh_from_db()
    assert letter.status == LetterStatus.DONE


def test_the_letters_list_costs_the_same_queries_for_one_or_many(decide, client):
    first = decide(DecisionFactory())
    application = first.application
    user = application.created_by
    client.force_login(user)
    url = f"/en/apply/applications/{application.pk}/"
    client.get(url)  # the session's first request does more
    with CaptureQueriesContext(transaction.get_connection()) as one:
        assert client.get(url).status_code == 200
    for number in (2, 3, 4):
        decide(DecisionFactory(application=application, number=number))
    with CaptureQueriesContext(transaction.get_connection()) as many:
        body = client.get(url).content.decode()

    assert len(many) == len(one)
    for version in (1, 2, 3, 4):
        assert f"{application.reference}/L{version}" in body


def test_a_letter_whose_worker_keeps_dying_fails_and_the_secretariat_retries_it(
    django_capture_on_commit_callbacks,
):
    letter = LetterRequest.objects.create(
        decision=DecisionFactory(),
        application=ApplicationFactory(),
        version=1,
        language="en",
        attempts=services.MAX_ATTEMPTS,
    )

    assert services.letter_render(request_id=letter.pk) is False
    letter.refresh_from_db()
    assert letter.status == LetterStatus.FAILED
    assert services.letters_sweep()["dispatched"] == 0

    with django_capture_on_commit_callbacks(execute=True):
        with transaction.atomic():
            services.letter_retry(letter=letter)

    letter.refresh_from_db()
    assert letter.status == LetterStatus.DONE
