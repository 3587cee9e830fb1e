from django.utils.http import url_has_allowed_host_and_scheme


def own_page(target, default=""):
    """`target` when it is a page of this site (a path), else `default`: never another site."""
    if target.startswith("/") and url_has_allowed_host_and_scheme(target, allowed_hosts=None):
        return target
    return default
