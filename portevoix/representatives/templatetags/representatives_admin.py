from django import template

from portevoix.representatives.setup import missing_data_instructions

register = template.Library()


@register.simple_tag
def representatives_setup_notices():
    return missing_data_instructions()
