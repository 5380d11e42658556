"""Importing the committed excerpt of the real log.

Every expected value below was worked out by hand from the rows of
tests/fixtures/servicenow/incident_event_log_excerpt.csv (line numbers are
the excerpt's own). Times are UTC; the business calendar is Monday to
Friday 09:00-17:00 UTC. The default objectives: medium 60 min response and
480 min resolution on business hours; low 60 and 960 on business hours;
high 15 and 240 round the clock; highest 15 and 120 round the clock.
"""

from collections import Counter

import pytest

from credence.tickets.models import Ticket
from credence.workers.models import Worker
from tests.imports.conftest import (
    ImportIncidents,
    history,
    import_excerpt,
    ticket_for,
    utc,
)

pytestmark = pytest.mark.django_db


def test_every_incident_of_the_excerpt_becomes_one_closed_incident() -> None:
    summary = import_excerpt()

    assert summary.incidents_in_file == 20
    assert summary.imported == 20
    assert summary.already_present == 0
    assert summary.failed == 0
    assert summary.problems == []
    # INC0028089, lines 60 and 61.
    assert summary.rows_skipped_as_data_error == 2
    tickets = Ticket.objects.all()
    assert tickets.count() == 20
    assert {ticket.kind for ticket in tickets} == {"incident"}
    # Every incident of the excerpt ends on a Closed row.
    assert {ticket.status for ticket in tickets} == {"closed"}


def test_channels_come_from_the_first_rows_contact_type(
    import_incidents: ImportIncidents,
) -> None:
    import_incidents(
        "INC0000045", "INC0119241", "INC0003749", "INC0066611", "INC0118042"
    )

    # Phone, IVR (also phone), Email, Self service, Direct opening.
    channels = {ticket.source_ref: ticket.channel for ticket in Ticket.objects.all()}
    assert channels == {
        "servicenow:INC0000045": "phone",
        "servicenow:INC0119241": "phone",
        "servicenow:INC0003749": "email",
        "servicenow:INC0066611": "portal",
        "servicenow:INC0118042": "walk-up",
    }


def test_priorities_map_and_follow_the_last_change() -> None:
    import_excerpt()

    # 1 - Critical: INC0001549. 2 - High: INC0000645, and INC0000638 and
    # INC0030402 which were raised from 3 - Moderate. 4 - Low: INC0000199,
    # INC0005690, INC0119241. The other 13 stay 3 - Moderate.
    priorities = Counter(Ticket.objects.values_list("priority", flat=True))
    assert priorities == {"highest": 1, "high": 3, "medium": 13, "low": 3}


def test_each_caller_becomes_one_worker_who_cannot_sign_in(
    import_incidents: ImportIncidents,
) -> None:
    # INC0000045 and INC0000131 have a caller each; INC0005690's is "?".
    import_incidents("INC0000045", "INC0000131", "INC0005690")

    callers = Worker.objects.filter(username__startswith="caller-")
    assert sorted(callers.values_list("username", flat=True)) == [
        "caller-2403",
        "caller-3763",
    ]
    unknown = Worker.objects.get(username="unknown-caller")
    assert ticket_for("INC0005690").requester == unknown
    requester = ticket_for("INC0000045").requester
    assert requester.username == "caller-2403"
    assert not requester.has_usable_password()
    assert (requester.first_name, requester.last_name, requester.email) == ("", "", "")


def test_one_worker_per_caller_across_the_excerpt() -> None:
    import_excerpt()

    # 19 distinct "Caller N" in the excerpt, plus the unknown caller, each
    # the requester of exactly one of the 20 tickets.
    assert Worker.objects.filter(username__startswith="caller-").count() == 19
    requesters = Ticket.objects.values_list("requester__username", flat=True)
    assert len(set(requesters)) == 20


def test_plain_incident_is_acknowledged_and_resolved_on_its_first_resolved_row(
    import_incidents: ImportIncidents,
) -> None:
    import_incidents("INC0000045")

    # Lines 2-5: New 01:23 (nothing), Resolved 08:53 (the first row not New:
    # acknowledged, and resolved), Resolved 11:29 (nothing), Closed 5 March
    # 12:00.
    assert history("INC0000045") == [
        ("opened", utc(2016, 2, 29, 1, 16)),
        ("acknowledged", utc(2016, 2, 29, 8, 53)),
        ("resolved", utc(2016, 2, 29, 8, 53)),
        ("closed", utc(2016, 3, 5, 12, 0)),
    ]
    ticket = ticket_for("INC0000045")
    assert ticket.title == "ServiceNow incident INC0000045"
    assert ticket.logged_by is None
    assert ticket.resolved_at == utc(2016, 2, 29, 8, 53)
    assert ticket.closed_at == utc(2016, 3, 5, 12, 0)
    # Monday 29 February: everything happened before 09:00, so no business
    # minute counted. Response due 09:00 + 60 min = 10:00, resolution due
    # 09:00 + 480 min = 17:00; both met with 0 minutes.
    assert ticket.response_outcome == "met"
    assert ticket.response_elapsed_minutes == 0
    assert ticket.response_due == utc(2016, 2, 29, 10, 0)
    assert ticket.resolution_outcome == "met"
    assert ticket.resolution_due == utc(2016, 2, 29, 17, 0)


def test_update_stamped_before_opening_is_taken_at_opening(
    import_incidents: ImportIncidents,
) -> None:
    import_incidents("INC0000131")

    # Line 6 (Active) is stamped 07:14, before opened_at 09:41: taken at
    # 09:41. Line 7 enters Awaiting User Info at 09:45 (a public question,
    # then the wait), line 8 leaves it for Resolved on 3 March 09:27 (resume,
    # then resolve), line 9 closes on 8 March 10:00.
    assert history("INC0000131") == [
        ("opened", utc(2016, 2, 29, 9, 41)),
        ("acknowledged", utc(2016, 2, 29, 9, 41)),
        ("replied", utc(2016, 2, 29, 9, 45)),
        ("waiting", utc(2016, 2, 29, 9, 45)),
        ("resumed", utc(2016, 3, 3, 9, 27)),
        ("resolved", utc(2016, 3, 3, 9, 27)),
        ("closed", utc(2016, 3, 8, 10, 0)),
    ]
    ticket = ticket_for("INC0000131")
    # Response: 09:41 to 09:41, 0 minutes, due 09:41 + 60 = 10:41.
    assert ticket.response_elapsed_minutes == 0
    assert ticket.response_due == utc(2016, 2, 29, 10, 41)
    # Resolution: 09:41-09:45 counts (4 min), the wait until Thursday 09:27
    # does not. 480 - 4 = 476 min still to go from Thursday 09:27: 453 to
    # 17:00, then 23 on Friday from 09:00, so due Friday 4 March 09:23.
    assert ticket.resolution_elapsed_minutes == 4
    assert ticket.resolution_due == utc(2016, 3, 4, 9, 23)
    assert ticket.resolution_outcome == "met"


def test_awaiting_user_info_in_and_out_pauses_the_resolution_clock(
    import_incidents: ImportIncidents,
) -> None:
    import_incidents("INC0000549")

    # Lines 12-17, Tuesday 1 March: New 09:31, Active 10:09, Awaiting User
    # Info 10:34, Active Wednesday 11:27, Resolved 11:29, Closed 7 March.
    assert history("INC0000549") == [
        ("opened", utc(2016, 3, 1, 9, 22)),
        ("acknowledged", utc(2016, 3, 1, 10, 9)),
        ("replied", utc(2016, 3, 1, 10, 34)),
        ("waiting", utc(2016, 3, 1, 10, 34)),
        ("resumed", utc(2016, 3, 2, 11, 27)),
        ("resolved", utc(2016, 3, 2, 11, 29)),
        ("closed", utc(2016, 3, 7, 12, 0)),
    ]
    ticket = ticket_for("INC0000549")
    # Response: 09:22 to 10:09 = 47 min, within the 60, due 10:22.
    assert ticket.response_elapsed_minutes == 47
    assert ticket.response_outcome == "met"
    assert ticket.response_due == utc(2016, 3, 1, 10, 22)
    # Resolution: 09:22-10:34 = 72 min, paused to Wednesday 11:27, then
    # 11:27-11:29 = 2 min: 74 min. 480 - 74 = 406 to go from 11:29: 331 to
    # 17:00, then 75 from Thursday 09:00, due Thursday 3 March 10:15.
    assert ticket.resolution_elapsed_minutes == 74
    assert ticket.resolution_outcome == "met"
    assert ticket.resolution_due == utc(2016, 3, 3, 10, 15)


def test_first_row_awaiting_user_info_is_acknowledged_before_the_question(
    import_incidents: ImportIncidents,
) -> None:
    import_incidents("INC0001396")

    # Line 31 is the first row and already Awaiting User Info at 15:07. It is
    # the first row that is not New, so the acknowledgement comes first and
    # stops the response clock; the question at the same instant is not
    # what answered the worker.
    assert history("INC0001396") == [
        ("opened", utc(2016, 3, 2, 15, 4)),
        ("acknowledged", utc(2016, 3, 2, 15, 7)),
        ("replied", utc(2016, 3, 2, 15, 7)),
        ("waiting", utc(2016, 3, 2, 15, 7)),
        ("resumed", utc(2016, 3, 4, 10, 56)),
        ("resolved", utc(2016, 3, 4, 10, 56)),
        ("closed", utc(2016, 3, 9, 11, 0)),
    ]
    ticket = ticket_for("INC0001396")
    # Response 15:04 to 15:07 = 3 min, met.
    assert ticket.response_stopped_at == utc(2016, 3, 2, 15, 7)
    assert ticket.response_elapsed_minutes == 3
    assert ticket.response_outcome == "met"
    # Resolution 3 min, then waiting until Friday 10:56. 477 to go: 364 to
    # Friday 17:00, 113 from Monday 09:00, due Monday 7 March 10:53.
    assert ticket.resolution_elapsed_minutes == 3
    assert ticket.resolution_due == utc(2016, 3, 7, 10, 53)


def test_priority_raised_while_new_remeasures_from_the_start(
    import_incidents: ImportIncidents,
) -> None:
    import_incidents("INC0000638")

    # Lines 18-21: 3 - Moderate at 11:29, 2 - High at 11:31 (a priority
    # change), Resolved at 12:58 (acknowledged and resolved), Closed 6 March.
    assert history("INC0000638") == [
        ("opened", utc(2016, 3, 1, 11, 26)),
        ("priority_changed", utc(2016, 3, 1, 11, 31)),
        ("acknowledged", utc(2016, 3, 1, 12, 58)),
        ("resolved", utc(2016, 3, 1, 12, 58)),
        ("closed", utc(2016, 3, 6, 13, 0)),
    ]
    ticket = ticket_for("INC0000638")
    event = ticket.events.get(type="priority_changed")
    assert event.data == {
        "priority": "high",
        "previous": "medium",
        "reason": "Priority changed in ServiceNow.",
    }
    assert event.actor is None
    # Measured from 11:26 as high, round the clock: response due 11:41, the
    # acknowledgement at 12:58 is 92 min in, breached; resolution due 11:26
    # + 240 min = 15:26, resolved at 92 min, met.
    assert ticket.priority == "high"
    assert ticket.response_due == utc(2016, 3, 1, 11, 41)
    assert ticket.response_elapsed_minutes == 92
    assert ticket.response_outcome == "breached"
    assert ticket.resolution_due == utc(2016, 3, 1, 15, 26)
    assert ticket.resolution_outcome == "met"


def test_priority_change_on_the_resolving_row_applies_before_the_resolve(
    import_incidents: ImportIncidents,
) -> None:
    import_incidents("INC0030402")

    # Line 66 is the first row not New, changes 3 - Moderate to 2 - High
    # and enters Resolved, all at 14:57: acknowledge, priority, resolve.
    assert history("INC0030402") == [
        ("opened", utc(2016, 5, 17, 14, 31)),
        ("acknowledged", utc(2016, 5, 17, 14, 57)),
        ("priority_changed", utc(2016, 5, 17, 14, 57)),
        ("resolved", utc(2016, 5, 17, 14, 57)),
        ("closed", utc(2016, 5, 22, 15, 7)),
    ]
    ticket = ticket_for("INC0030402")
    # High from 14:31: response due 14:46, stopped at 14:57 (26 min),
    # breached.
    assert ticket.response_due == utc(2016, 5, 17, 14, 46)
    assert ticket.response_outcome == "breached"


def test_reopen_after_resolved_continues_the_resolution_clock(
    import_incidents: ImportIncidents,
) -> None:
    import_incidents("INC0011848")

    # Lines 49-53: Resolved on the first row at 10:45 (acknowledged and
    # resolved), Active twice on Tuesday 14:07 (one reopen), Resolved 22:52,
    # Closed 3 April.
    assert history("INC0011848") == [
        ("opened", utc(2016, 3, 28, 10, 45)),
        ("acknowledged", utc(2016, 3, 28, 10, 45)),
        ("resolved", utc(2016, 3, 28, 10, 45)),
        ("reopened", utc(2016, 3, 29, 14, 7)),
        ("resolved", utc(2016, 3, 29, 22, 52)),
        ("closed", utc(2016, 4, 3, 22, 59)),
    ]
    ticket = ticket_for("INC0011848")
    reopen = ticket.comments.get(created_at=utc(2016, 3, 29, 14, 7))
    assert reopen.body == "Reopened in ServiceNow."
    # Resolution: 0 min to the first resolve, held until the reopen on
    # Tuesday 14:07, then 14:07-17:00 = 173 min before the second resolve
    # at 22:52. 480 - 173 = 307 to go from Tuesday 22:52: due Wednesday 30
    # March 09:00 + 307 min = 14:07.
    assert ticket.resolution_elapsed_minutes == 173
    assert ticket.resolution_outcome == "met"
    assert ticket.resolution_due == utc(2016, 3, 30, 14, 7)


def test_reopen_after_closed_reopens_the_closed_ticket(
    import_incidents: ImportIncidents,
) -> None:
    import_incidents("INC0103733")

    # Lines 71-77, Self service: Active at opening, Resolved 17:38, Closed
    # 8 January, Active again 1 February 13:52 (reopened), Resolved 13:57,
    # Closed 6 February.
    assert history("INC0103733") == [
        ("opened", utc(2017, 1, 3, 17, 24)),
        ("acknowledged", utc(2017, 1, 3, 17, 24)),
        ("resolved", utc(2017, 1, 3, 17, 38)),
        ("closed", utc(2017, 1, 8, 19, 0)),
        ("reopened", utc(2017, 2, 1, 13, 52)),
        ("resolved", utc(2017, 2, 1, 13, 57)),
        ("closed", utc(2017, 2, 6, 14, 0)),
    ]
    ticket = ticket_for("INC0103733")
    # Opened after Tuesday's 17:00 and resolved before Wednesday's 09:00:
    # 0 min; held until 1 February 13:52, then 5 min. 475 to go from 13:57:
    # 183 to 17:00, 292 from Thursday 09:00, due 2 February 13:52.
    assert ticket.resolution_elapsed_minutes == 5
    assert ticket.resolution_due == utc(2017, 2, 2, 13, 52)
    assert ticket.closed_at == utc(2017, 2, 6, 14, 0)


def test_closed_straight_from_active_resolves_then_closes(
    import_incidents: ImportIncidents,
) -> None:
    import_incidents("INC0020014")

    # Lines 54-58: New on Saturday 16 April and Monday 08:38, Active at
    # 08:38 (acknowledged), Closed at 08:59: resolve and close at once.
    assert history("INC0020014") == [
        ("opened", utc(2016, 4, 16, 1, 46)),
        ("acknowledged", utc(2016, 4, 18, 8, 38)),
        ("resolved", utc(2016, 4, 18, 8, 59)),
        ("closed", utc(2016, 4, 18, 8, 59)),
    ]
    ticket = ticket_for("INC0020014")
    assert ticket.resolved_at == ticket.closed_at == utc(2016, 4, 18, 8, 59)


def test_closed_twice_closes_once(import_incidents: ImportIncidents) -> None:
    import_incidents("INC0005100")

    # Lines 39-41: New 18:35, Closed 18:37 (acknowledge, resolve, close),
    # Closed again on 11 March (nothing more).
    assert history("INC0005100") == [
        ("opened", utc(2016, 3, 9, 18, 35)),
        ("acknowledged", utc(2016, 3, 9, 18, 37)),
        ("resolved", utc(2016, 3, 9, 18, 37)),
        ("closed", utc(2016, 3, 9, 18, 37)),
    ]


def test_rows_marked_minus_100_are_left_out(import_incidents: ImportIncidents) -> None:
    import_incidents("INC0028089")

    # Lines 60 and 61 are -100 and ignored; line 62 (Resolved, 16 June
    # 12:03) is the first row not New.
    assert history("INC0028089") == [
        ("opened", utc(2016, 5, 10, 22, 9)),
        ("acknowledged", utc(2016, 6, 16, 12, 3)),
        ("resolved", utc(2016, 6, 16, 12, 3)),
        ("closed", utc(2016, 6, 21, 13, 7)),
    ]


def test_response_measured_on_business_hours_can_breach(
    import_incidents: ImportIncidents,
) -> None:
    import_incidents("INC0118042", "INC0003749")

    # INC0118042, Direct opening, Wednesday 8 February 2017: opened 15:19,
    # acknowledged and resolved at 16:24, 65 min later; the response due
    # was 15:19 + 60 = 16:19, so breached, and the resolution (65 of 480)
    # met.
    ticket = ticket_for("INC0118042")
    assert ticket.response_due == utc(2017, 2, 8, 16, 19)
    assert ticket.response_elapsed_minutes == 65
    assert ticket.response_outcome == "breached"
    assert ticket.resolution_outcome == "met"
    # INC0003749, Email, opened Monday 7 March 16:05: 55 min to 17:00 and 5
    # from Tuesday 09:00, response due 8 March 09:05; acknowledged 22 March.
    late = ticket_for("INC0003749")
    assert late.response_due == utc(2016, 3, 8, 9, 5)
    assert late.response_outcome == "breached"


def test_low_and_highest_priorities_use_their_own_objectives(
    import_incidents: ImportIncidents,
) -> None:
    import_incidents("INC0005690", "INC0001549")

    # INC0005690, 4 - Low, Friday 11 March: acknowledged 03:43, resolved
    # 03:44, before opening: 0 min. Resolution due 960 business min from
    # Friday 09:00 = all of Friday (480) and Monday (480): Monday 17:00.
    low = ticket_for("INC0005690")
    assert low.priority == "low"
    assert low.response_due == utc(2016, 3, 11, 10, 0)
    assert low.resolution_due == utc(2016, 3, 14, 17, 0)
    assert low.resolution_outcome == "met"
    # INC0001549, 1 - Critical, opened 17:40 and resolved 17:43 round the
    # clock: response due 17:55, resolution due 19:40, both met in 3 min.
    highest = ticket_for("INC0001549")
    assert highest.priority == "highest"
    assert highest.response_due == utc(2016, 3, 2, 17, 55)
    assert highest.resolution_due == utc(2016, 3, 2, 19, 40)
    assert highest.resolution_elapsed_minutes == 3
    assert (highest.response_outcome, highest.resolution_outcome) == ("met", "met")


def test_resolution_breached_when_resolved_weeks_later(
    import_incidents: ImportIncidents,
) -> None:
    import_incidents("INC0001155")

    # INC0001155, opened Wednesday 2 March 11:07: 353 min to 17:00, 127
    # from Thursday 09:00, so the resolution was due 3 March 11:07. It was
    # first resolved on 6 April.
    ticket = ticket_for("INC0001155")
    assert ticket.resolution_due == utc(2016, 3, 3, 11, 7)
    assert ticket.resolution_outcome == "breached"
    # The acknowledgement at 11:09 came 2 min in: met.
    assert ticket.response_elapsed_minutes == 2
    assert ticket.response_outcome == "met"


def test_description_keeps_the_anonymised_classification(
    import_incidents: ImportIncidents,
) -> None:
    import_incidents("INC0000045")

    assert ticket_for("INC0000045").description == (
        "Imported from a ServiceNow event log.\n"
        "Category: Category 55\n"
        "Subcategory: Subcategory 170\n"
        "Symptom: Symptom 72\n"
        "Impact: 2 - Medium\n"
        "Urgency: 2 - Medium\n"
        "Assignment group: Group 56\n"
        "Location: Location 143"
    )
