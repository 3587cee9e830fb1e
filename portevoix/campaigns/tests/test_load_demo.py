from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from docx import Document

from portevoix.campaigns import demo_content
from portevoix.campaigns.models import Campaign

pytestmark = pytest.mark.django_db


def load_demo():
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def test_it_loads_the_demo_campaign_with_every_action_and_resource():
    load_demo()
    campaign = Campaign.objects.get(slug=demo_content.CAMPAIGN["slug"])
    assert campaign.status == Campaign.Status.ACTIVE
    assert campaign.actions.count() == len(demo_content.ACTIONS)
    assert campaign.resources.count() == len(demo_content.RESOURCES)
    assert campaign.title_fr and campaign.title_en


def test_running_it_twice_changes_nothing():
    load_demo()
    second = load_demo()
    assert " 0 created, 0 updated" in second
    assert "“staff”: unchanged" in second


def test_a_staff_edit_is_restored_by_the_next_load():
    load_demo()
    Campaign.objects.update(title_en="Edited")
    assert "1 updated" in load_demo()


def test_the_demo_staff_password_is_generated_not_fixed(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    load_demo()
    password = (tmp_path / "demo_staff_password").read_text()
    assert len(password) >= 16
    staff = get_user_model().objects.get(username="staff")
    assert staff.is_staff and staff.check_password(password)
    assert (tmp_path / "demo_staff_password").stat().st_mode & 0o077 == 0


def test_the_resources_are_real_word_documents():
    load_demo()
    campaign = Campaign.objects.get(slug=demo_content.CAMPAIGN["slug"])
    for resource in campaign.resources.all():
        with resource.file.open("rb") as handle:
            document = Document(handle)
        text = "\n".join(paragraph.text for paragraph in document.paragraphs)
        assert resource.title in text
