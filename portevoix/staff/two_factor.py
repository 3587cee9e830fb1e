"""Time-based one-time codes (RFC 6238) from an authenticator app, for every staff account."""

import pyotp
import segno
from django.utils import timezone

from portevoix.staff.models import TwoFactorDevice

ISSUER = "Porte-voix"
SESSION_KEY = "staff_two_factor_verified"
STEP_SECONDS = 30


def device_for(user):
    """The user's device, created unconfirmed with a fresh secret the first time."""
    device, _created = TwoFactorDevice.objects.get_or_create(
        user=user, defaults={"secret": pyotp.random_base32()}
    )
    return device


def provisioning_uri(device):
    return pyotp.TOTP(device.secret).provisioning_uri(
        name=device.user.get_username(), issuer_name=ISSUER
    )


def qr_code_data_uri(device):
    """An SVG QR code as a data: URI, drawn on our side (no outside service sees the secret)."""
    return segno.make(provisioning_uri(device), error="m").svg_data_uri(scale=5, border=2)


def grouped_secret(device):
    return " ".join(device.secret[i : i + 4] for i in range(0, len(device.secret), 4))


def matching_step(device, code, now=None):
    """The time step whose code this is (allowing one step of clock drift), or None."""
    code = "".join(ch for ch in code if ch.isdigit())
    if len(code) != 6:
        return None
    totp = pyotp.TOTP(device.secret)
    current = int((now or timezone.now()).timestamp()) // STEP_SECONDS
    for step in (current - 1, current, current + 1):
        if totp.at(step * STEP_SECONDS) == code:
            return step
    return None


def accept_code(device, code, now=None):
    """True when the code is right and not used before; it can never be accepted again."""
    step = matching_step(device, code, now)
    if step is None:
        return False
    # A conditional update: two requests with the same code cannot both succeed.
    claimed = TwoFactorDevice.objects.filter(pk=device.pk, last_used_step__lt=step).update(
        last_used_step=step, confirmed_at=device.confirmed_at or timezone.now()
    )
    return claimed == 1


def mark_verified(request):
    request.session[SESSION_KEY] = True


def is_verified(request):
    return bool(request.session.get(SESSION_KEY))
