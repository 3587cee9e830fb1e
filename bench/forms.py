"""Form submissions under load: wrk posting real forms, each request a new submission.

Every POST carries a valid CSRF cookie and token, and a number unique across wrk's threads
(NUMBER in the body), so each one is a new message, endorsement or letter rather than a repeat
the site would refuse. Letters are confirmed on drafts made beforehand, one per request.
"""

import random
import re
import tempfile
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path

from bench import harness

LUA = """
local paths = {%(paths)s}
local body = "%(body)s"
local first = %(first)d
local counter = 0
local started = 0
local headers = nil
function setup(thread)
  thread:set("id", started)
  started = started + 1
end
-- Each post comes from a visitor of its own, as the site's proxy would say (see visitor()).
function visitor(n)
  local block, middle = math.floor(n / 4294967296), math.floor(n / 65536) %% 65536
  return string.format("fd00:%%x:%%x:%%x::1", block, middle, n %% 65536)
end
request = function()
  counter = counter + 1
  local n = first + id * %(per_thread)d + counter
  local path = paths[((counter - 1) * %(threads)d + id) %% #paths + 1]
  if headers == nil then
    headers = {}
    for name, value in pairs(wrk.headers) do
      headers[name] = value
    end
  end
  headers["X-Forwarded-For"] = visitor(n)
  local number = string.format("%%.0f", n)
  return wrk.format("POST", path, headers, (body:gsub("NUMBER", number)))
end
"""
# Posts each wrk thread numbers in a run, at most.
PER_THREAD = 10_000_000

# Posts are numbered from blocks taken in turn from a random start, so that no number (an
# email address, an organization, a visitor) comes twice in a run, or in two runs on the same
# database within the hour the limits count.
_next_number = random.randrange(2**40)


def fresh_numbers(count):
    """The first of `count` numbers no post has had yet."""
    global _next_number
    first, _next_number = _next_number, _next_number + count
    return first


def visitor(number):
    """The address of the visitor making post `number`, as the site's proxy would give it
    (the bench's site runs with BEHIND_PROXY): every post comes from a network of its own (an
    IPv6 /64), as when a campaign is shared widely, so each form's limits per network count
    as they would then, at their usual values."""
    return f"fd00:{number >> 32:x}:{number >> 16 & 0xFFFF:x}:{number & 0xFFFF:x}::1"


def csrf_pair(base, form_path):
    """(token, cookie) for posting forms, taken from a form page like a browser would."""
    jar = CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    html = opener.open(base + form_path).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    return token, next(c for c in jar if c.name == "csrftoken").value


def write_script(paths, body, threads):
    script = Path(tempfile.mkstemp(suffix=".lua")[1])
    quoted = ", ".join(f'"{path}"' for path in paths)
    numbers = {"first": fresh_numbers(threads * PER_THREAD), "per_thread": PER_THREAD}
    script.write_text(LUA % {"paths": quoted, "body": body, "threads": threads, **numbers})
    return script


def post_load(base, paths, body, cookie, seconds, connections, threads=2):
    """One wrk run posting `body` to `paths`; a 302 (redirect after POST) is a success."""
    script = write_script(paths, body, threads)
    headers = ["Content-Type: application/x-www-form-urlencoded", f"Cookie: csrftoken={cookie}"]
    try:
        return harness.run_wrk(base + paths[0], seconds, connections, threads, headers, script)
    finally:
        script.unlink()


def letter_drafts(campaign_slug, count):
    """Paths of the 'send' step of `count` letters ready to send, made in one go."""
    from django.urls import reverse
    from django.utils import translation

    from portevoix.letters.models import Letter, LetterTemplate

    template = LetterTemplate.objects.get(campaign__slug=campaign_slug, key="ind-write-minister")
    drafts = [
        Letter(
            campaign=template.campaign,
            template=template,
            language="en",
            sender_name="Bench Writer",
            sender_email=f"writer{n}@bench.example",
            to_name="The Minister",
            to_title="Minister of Immigration",
            to_email="minister@bench.example",
            subject=template.subject_en,
            body=template.body_en,
        )
        for n in range(count)
    ]
    for draft in drafts:
        draft.message_id = f"<letter-{draft.public_id}@bench.example>"
    Letter.objects.bulk_create(drafts, batch_size=500)
    with translation.override("en"):
        return [
            reverse("letters:send", args=[campaign_slug, draft.private_token()]) for draft in drafts
        ]
