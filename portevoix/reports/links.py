"""Signed answer links of follow-up emails: one per answer, bound to one letter.

The signed value holds the letter's public id and the answer, so a link can neither be
turned into another answer nor pointed at another letter without breaking its signature.
"""

import uuid

from django.core import signing

from portevoix.reports.models import FollowUp

ANSWER_SALT = "reports.followup-answer"


def answer_token(letter, answer):
    return signing.Signer(salt=ANSWER_SALT).sign(f"{letter.public_id}.{answer}")


def follow_up_from_token(token):
    """(follow-up, answer) a link stands for, or (None, None) when forged, altered or unknown."""
    try:
        value = signing.Signer(salt=ANSWER_SALT).unsign(token)
        public_id, answer = value.split(".", 1)
        public_id = uuid.UUID(public_id)
    except (signing.BadSignature, ValueError):
        return None, None
    if answer not in FollowUp.Answer.values:
        return None, None
    follow_up = (
        FollowUp.objects.select_related("letter__campaign")
        .filter(letter__public_id=public_id)
        .first()
    )
    if follow_up is None:
        return None, None
    return follow_up, answer
