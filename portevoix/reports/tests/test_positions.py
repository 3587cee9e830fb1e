"""The MP position tracker: evidence kept forever, the newest evidence sets the position."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from portevoix.reports.actions import set_position
from portevoix.reports.models import MpPosition, PositionChange, ReportBack
from portevoix.staff.models import AuditEntry
from portevoix.staff.roles import sync_roles
from portevoix.test import sign_in_staff

D = datetime.date


def evidence(campaign, mp, actor, position, day, **extra):
    return set_position(
        campaign=campaign,
        representative=mp,
        position=position,
        evidence="public_statement",
        evidence_date=day,
        actor=actor,
        **extra,
    )


def test_it_keeps_the_history_and_the_newest_evidence_wins(campaign, mp, cast):
    sophie = cast["sophie"]
    evidence(campaign, mp, sophie, "undecided", D(2025, 2, 1))
    evidence(campaign, mp, sophie, "supports", D(2025, 4, 1), summary_fr="Appui en Chambre.")
    # An older statement found later joins the history but does not override.
    evidence(campaign, mp, sophie, "opposed", D(2025, 1, 1))
    current = MpPosition.objects.get(campaign=campaign, representative=mp)
    assert (current.position, current.since) == ("supports", D(2025, 4, 1))
    history = PositionChange.objects.filter(campaign=campaign, representative=mp)
    assert [c.position for c in history] == ["supports", "undecided", "opposed"]
    assert AuditEntry.objects.filter(action="position.set").count() == 3


def test_newer_evidence_moves_the_position(campaign, mp, cast):
    evidence(campaign, mp, cast["sophie"], "supports", D(2025, 4, 1))
    evidence(campaign, mp, cast["sophie"], "opposed", D(2025, 5, 1))
    assert MpPosition.objects.get().position == "opposed"
    assert PositionChange.objects.count() == 2


def make_report(campaign, mp, **fields):
    values = {
        "campaign": campaign,
        "language": "fr",
        "action_type": "meeting",
        "outcome": "met",
        "stated_position": "supports",
        "representative": mp,
        "district": mp.district,
        "action_date": D(2025, 3, 10),
    }
    values.update(fields)
    return ReportBack.objects.create(**values)


def test_staff_set_a_position_from_a_report(admin_client, campaign, mp):
    report = make_report(campaign, mp)
    url = reverse("admin:reports_reportback_set_position", args=[report.pk])
    form = admin_client.get(url)
    assert form.status_code == 200
    assert form.context["form"].initial == {
        "position": "supports",
        "evidence": "meeting",
        "evidence_date": D(2025, 3, 10),
    }
    response = admin_client.post(
        url,
        {"position": "supports", "evidence": "meeting", "evidence_date": "2025-03-10"},
    )
    assert response.status_code == 302
    change = PositionChange.objects.get()
    assert change.report == report and change.evidence == "meeting"
    assert MpPosition.objects.get().position == "supports"


def test_an_unclear_report_suggests_an_unknown_position(admin_client, campaign, mp):
    report = make_report(campaign, mp, stated_position="unclear", action_type="letter")
    url = reverse("admin:reports_reportback_set_position", args=[report.pk])
    initial = admin_client.get(url).context["form"].initial
    assert initial["position"] == "unknown" and initial["evidence"] == "report"


def test_setting_a_position_refuses_other_methods_and_other_people(client, campaign, mp, cast):
    report = make_report(campaign, mp)
    url = reverse("admin:reports_reportback_set_position", args=[report.pk])
    sign_in_staff(client, cast["sophie"])
    assert client.put(url).status_code == 405
    assert client.delete(url).status_code == 405
    sync_roles()
    mona = get_user_model().objects.create_user("mona", "m@x.example", "pw", is_staff=True)
    mona.groups.add(Group.objects.get(name="Moderator"))
    sign_in_staff(client, mona)
    assert client.get(url).status_code == 403
    data = {"position": "opposed", "evidence": "report", "evidence_date": "2025-03-10"}
    assert client.post(url, data).status_code == 403
    client.logout()
    assert client.post(url, data).status_code == 302  # to the sign-in page
    assert PositionChange.objects.count() == 0


def test_a_future_evidence_date_is_refused(admin_client, campaign, mp):
    report = make_report(campaign, mp)
    url = reverse("admin:reports_reportback_set_position", args=[report.pk])
    future = (datetime.date.today() + datetime.timedelta(days=30)).isoformat()
    data = {"position": "supports", "evidence": "report", "evidence_date": future}
    assert admin_client.post(url, data).status_code == 400
    assert PositionChange.objects.count() == 0


def test_the_position_admin_lists_and_shows_history_read_only(admin_client, campaign, mp, cast):
    evidence(campaign, mp, cast["sophie"], "supports", D(2025, 4, 1), summary_en="Said yes.")
    listing = admin_client.get(
        reverse("admin:reports_mpposition_changelist") + "?position=supports"
    )
    assert listing.status_code == 200
    assert mp.name in listing.text
    position = MpPosition.objects.get()
    page = admin_client.get(reverse("admin:reports_mpposition_change", args=[position.pk]))
    assert page.status_code == 200
    assert "Said yes." in page.text
    assert 'name="position"' not in page.text  # read only


def test_history_is_added_through_the_admin_never_edited_or_deleted(admin_client, campaign, mp):
    add = reverse("admin:reports_positionchange_add")
    response = admin_client.post(
        add,
        {
            "campaign": campaign.pk,
            "representative": mp.pk,
            "position": "opposed",
            "evidence": "vote",
            "evidence_date": "2025-05-01",
            "summary_fr": "",
            "summary_en": "",
            "source_url": "",
            "report": "",
        },
    )
    assert response.status_code == 302
    change = PositionChange.objects.get()
    assert MpPosition.objects.get().position == "opposed"
    assert AuditEntry.objects.filter(action="position.set").exists()
    url = reverse("admin:reports_positionchange_change", args=[change.pk])
    admin_client.post(url, {"position": "supports"})
    change.refresh_from_db()
    assert change.position == "opposed"
    delete = reverse("admin:reports_positionchange_delete", args=[change.pk])
    assert admin_client.post(delete, {"post": "yes"}).status_code == 403
    assert PositionChange.objects.count() == 1


def test_non_staff_cannot_reach_positions(client, cast):
    client.force_login(cast["omar"])
    assert client.get(reverse("admin:reports_mpposition_changelist")).status_code == 302


@pytest.mark.parametrize("name", ["reportback", "mpposition", "positionchange", "followup"])
def test_every_admin_list_opens_for_staff(admin_client, name):
    assert admin_client.get(reverse(f"admin:reports_{name}_changelist")).status_code == 200
