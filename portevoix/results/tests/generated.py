"""A campaign's worth of seeded random actions, and the counts expected from them in Python."""

import csv
import io
import random
from collections import Counter
from datetime import UTC, datetime, timedelta

from lxml import html

from portevoix.endorsements.models import Endorsement, Organization, Sector
from portevoix.letters.models import SENT_STATES, WRITTEN_STATES, Letter
from portevoix.letters.tests.factories import (
    DistrictFactory,
    LetterTemplateFactory,
    MinisterFactory,
    RepresentativeFactory,
)
from portevoix.meetings.models import Call, MeetingRequest
from portevoix.reports.models import ActionType, FollowUp, Outcome, ReportBack
from portevoix.spread.models import Channel, ShareVisit

PROVINCES = ["QC", "ON", "BC", "NS", "AB"]
START = datetime(2025, 3, 3, 15, 0, tzinfo=UTC)


def when(rng):
    return START + timedelta(days=rng.randrange(0, 60), hours=rng.randrange(0, 8))


def build(campaign, seed=2025, letters=300, calls=120, meetings=60, reports=80, endorsements=50):
    """Rows spread over provinces, ridings, statuses and types; returns what was made."""
    rng = random.Random(seed)
    districts = [DistrictFactory(province=p) for p in PROVINCES for _n in range(3)]
    mps = [RepresentativeFactory(district=d) for d in districts]
    # The last three ridings are never written to: they must come out as not contacted.
    active = mps[:-3]
    minister = MinisterFactory()
    template = LetterTemplateFactory(campaign=campaign)
    made = {"districts": districts, "mps": mps, "minister": minister}

    letter_rows = []
    for number in range(letters):
        mp = rng.choice(active)
        to_minister = rng.random() < 0.3
        status = rng.choice(Letter.Status.values)
        letter_rows.append(
            Letter(
                campaign=campaign,
                template=template,
                language=rng.choice(["fr", "en"]),
                status=status,
                sender_email=f"writer{seed}-{number}@example.org",
                to_email=f"office{seed}-{number}@example.org",
                province=mp.district.province,
                district=mp.district,
                representative=None if to_minister else mp,
                office_holder=minister if to_minister else None,
                copy_mp=to_minister and rng.random() < 0.5,
                sent_at=when(rng) if status in SENT_STATES else None,
                # A written letter was confirmed (drawn without the seeded numbers, which
                # the rest of the data is made from).
                confirmed_at=START if status in WRITTEN_STATES else None,
                message_id=f"<l{number}@test>",
            )
        )
    made["letters"] = Letter.objects.bulk_create(letter_rows)

    followups = []
    for letter in made["letters"]:
        if letter.status == Letter.Status.SENT and rng.random() < 0.8:
            followups.append(
                FollowUp(
                    letter=letter,
                    due_at=letter.sent_at,
                    answer=rng.choice(["", *FollowUp.Answer.values]),
                )
            )
    made["followups"] = FollowUp.objects.bulk_create(followups)

    made["calls"] = Call.objects.bulk_create(
        Call(
            campaign=campaign,
            language="fr",
            representative=mp,
            district=mp.district,
            province=mp.district.province,
            outcome=rng.choice(["", *Call.Outcome.values]),
            created_at=when(rng),
        )
        for mp in (rng.choice(active) for _n in range(calls))
    )
    made["meetings"] = MeetingRequest.objects.bulk_create(
        MeetingRequest(
            campaign=campaign,
            language="en",
            status=rng.choice(MeetingRequest.Status.values),
            organizer_name="Organizer",
            organizer_email=f"organizer{seed}-{n}@example.org",
            representative=mp,
            district=mp.district,
            province=mp.district.province,
            meeting_at=when(rng),
            created_at=when(rng),
        )
        for n, mp in enumerate(rng.choice(active) for _n in range(meetings))
    )
    made["reports"] = ReportBack.objects.bulk_create(
        ReportBack(
            campaign=campaign,
            language="fr",
            action_type=rng.choice(ActionType.values),
            outcome=rng.choice(Outcome.values),
            district=mp.district if rng.random() < 0.7 else None,
            province=mp.district.province,
            moderation=rng.choice(ReportBack.Moderation.values),
            created_at=when(rng),
        )
        for mp in (rng.choice(active) for _n in range(reports))
    )
    organizations = Organization.objects.bulk_create(
        Organization(
            name=f"Organisme {n}",
            sector=rng.choice(Sector.values),
            region=rng.choice([*PROVINCES, "CA"]),
            contact_name="Contact",
            contact_email=f"org{seed}-{n}@example.org",
        )
        for n in range(endorsements)
    )
    made["endorsements"] = Endorsement.objects.bulk_create(
        Endorsement(
            campaign=campaign,
            organization=organization,
            language="fr",
            status=rng.choice(Endorsement.Status.values),
            referral_channel=rng.choice(["", *Channel.values]),
            confirmed_at=when(rng),
        )
        for organization in organizations
    )
    made["visits"] = ShareVisit.objects.bulk_create(
        ShareVisit(
            campaign=campaign,
            channel=rng.choice(Channel.values),
            day=when(rng).date(),
            count=rng.randrange(1, 40),
        )
        for _n in range(30)
    )
    return made


# --- What the pages should say, worked out from the rows -------------------------------------


def counted(made):
    """Each kind of action, as the rows that should count."""
    return {
        "letters": [x for x in made["letters"] if x.status in SENT_STATES],
        "calls": [x for x in made["calls"] if x.outcome not in ("", Call.Outcome.NO_ANSWER)],
        "meeting_requests": [
            x for x in made["meetings"] if x.status != MeetingRequest.Status.DRAFT
        ],
        "meetings_held": [x for x in made["meetings"] if x.status == MeetingRequest.Status.HELD],
        "report_backs": [
            x for x in made["reports"] if x.moderation != ReportBack.Moderation.REJECTED
        ],
        "endorsements": [
            x
            for x in made["endorsements"]
            if x.status in (Endorsement.Status.PENDING, Endorsement.Status.APPROVED)
        ],
    }


def table_rows(content, key):
    """The body rows of the table `table-<key>` on a page, as text cells."""
    tree = html.fromstring(content)
    (table,) = tree.xpath(f'//table[@id="table-{key}"]')
    return [
        [cell.text_content().strip() for cell in row.xpath("./th|./td")]
        for row in table.xpath("./tbody/tr")
    ]


def csv_table(response):
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    return rows[0], rows[1:]


def counter_of(rows, key):
    return Counter(key(row) for row in rows)
