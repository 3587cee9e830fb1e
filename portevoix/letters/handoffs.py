"""Letters that another app writes (a meeting request) may have their recipients chosen there.

That app registers, for its template key, a function giving the address of its own choice of
recipient for a letter, and the words of the link; the letters app then sends the writer there
instead of to its own recipients step, which knows only MPs and fixed targets.
"""

_RECIPIENTS_STEPS = {}


def register_recipients_step(template_key, url_for, label):
    """`url_for(letter)` gives the other app's page, or "" to keep the letters app's step."""
    _RECIPIENTS_STEPS[template_key] = (url_for, label)


def recipients_url_for(letter):
    url_for, _label = _RECIPIENTS_STEPS.get(letter.template.key, (None, ""))
    return url_for(letter) if url_for else ""


def recipients_label_for(letter):
    _url_for, label = _RECIPIENTS_STEPS.get(letter.template.key, (None, ""))
    return str(label) if label and recipients_url_for(letter) else ""
