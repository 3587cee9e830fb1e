import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command

from portevoix.campaigns.models import Campaign
from portevoix.staff.audit import record
from portevoix.staff.models import AuditEntry
from portevoix.test import sign_in_staff

pytestmark = pytest.mark.django_db


def test_a_change_in_the_admin_is_written_to_the_audit_log(admin_client, campaign, admin_user):
    response = admin_client.post(
        "/admin/campaigns/contactmessage/", {"action": "delete_selected", "_selected_action": []}
    )
    assert response.status_code in (200, 302)
    admin_client.post(f"/admin/campaigns/campaign/{campaign.pk}/delete/", {"post": "yes"})
    assert not Campaign.objects.filter(pk=campaign.pk).exists()
    entry = AuditEntry.objects.get(action="admin.deleted")
    assert entry.actor == admin_user
    assert entry.target_type == "campaigns.Campaign" and entry.target_id == str(campaign.pk)


def test_the_audit_log_cannot_be_changed_or_deleted(cast, campaign):
    entry = record(cast["sophie"], "campaign.published", campaign)
    entry.action = "something else"
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete()
    with pytest.raises(PermissionError):
        AuditEntry.objects.update(action="x")
    with pytest.raises(PermissionError):
        AuditEntry.objects.all().delete()


def test_no_one_can_edit_the_audit_log_in_the_admin(admin_client, cast, campaign):
    entry = record(cast["sophie"], "campaign.published", campaign)
    assert admin_client.get("/admin/staff/auditentry/").status_code == 200
    change = admin_client.post(f"/admin/staff/auditentry/{entry.pk}/change/", {"action": "x"})
    assert change.status_code == 403
    assert admin_client.post(f"/admin/staff/auditentry/{entry.pk}/delete/").status_code == 403
    assert AuditEntry.objects.get(pk=entry.pk).action == "campaign.published"


def test_roles_give_each_the_least_it_needs(client, cast):
    call_command("setup_roles", verbosity=0)
    omar = cast["omar"]
    omar.is_staff = True
    omar.save()
    omar.groups.add(Group.objects.get(name="Moderator"))
    sign_in_staff(client, omar)
    assert client.get("/admin/campaigns/contactmessage/").status_code == 200
    assert client.get("/admin/campaigns/campaign/").status_code == 403
    assert client.get("/admin/staff/auditentry/").status_code == 403

    staff = Group.objects.get(name="Staff")
    assert staff.permissions.filter(codename="change_campaign").exists()
    assert not staff.permissions.filter(codename="view_auditentry").exists()
    privacy = staff.permissions.filter(content_type__app_label="privacy")
    assert privacy.filter(codename="view_consent").exists()
    assert not privacy.filter(codename="change_consent").exists()
    admin_role = Group.objects.get(name="Admin")
    assert admin_role.permissions.filter(codename="view_auditentry").exists()


def test_setting_up_roles_twice_changes_nothing():
    call_command("setup_roles", verbosity=0)
    before = {g.name: set(g.permissions.values_list("pk", flat=True)) for g in Group.objects.all()}
    call_command("setup_roles", verbosity=0)
    after = {g.name: set(g.permissions.values_list("pk", flat=True)) for g in Group.objects.all()}
    assert before == after and set(before) == {"Admin", "Staff", "Moderator"}
