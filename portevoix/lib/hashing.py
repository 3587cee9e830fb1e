import hashlib
import ipaddress

from django.conf import settings


def keyed_hash(text):
    """A keyed hash: enough to recognize a repeat, useless to anyone without the site's key."""
    key = settings.SECRET_KEY.encode()[:64]
    return hashlib.blake2b((text or "").encode(), key=key, digest_size=16).hexdigest()


def network_address_hash(request):
    """The visitor's network as a keyed hash, for limits that must not keep their address."""
    return keyed_hash(visitor_network(visitor_address(request)) if request else "")


def visitor_address(request):
    """The address a request came from, as the site's own proxy saw it.

    Behind a reverse proxy (`BEHIND_PROXY`), every request reaches the site from the proxy:
    without reading what the proxy says, every limit per network would be one limit for all
    visitors at once. Each proxy adds the address it was reached from at the end of
    X-Forwarded-For, so with `PROXY_HOPS` proxies in a chain the visitor's is that many
    entries from the end. Entries further left are whatever the visitor sent, so they are
    never read. A header with fewer entries than that did not come through every proxy:
    the address of the one that sent it is used instead.
    """
    peer = request.META.get("REMOTE_ADDR", "")
    hops = settings.PROXY_HOPS if settings.BEHIND_PROXY else 0
    if hops < 1:
        return peer
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    if len(forwarded) < hops:
        return peer
    return forwarded[-hops].strip() or peer


# An IPv6 address is one of a block its network hands out (a /64 for a home or a phone), from
# which a device may take a new one at will: a limit per network counts the block.
IPV6_NETWORK_PREFIX = 64


def visitor_network(address):
    """What a limit per network counts: an IPv4 address, or an IPv6 address's /64 block."""
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:  # none (a Unix socket) or not an address: counted as it is
        return address
    if parsed.version == 4:
        return str(parsed)
    if parsed.ipv4_mapped:
        return str(parsed.ipv4_mapped)
    return str(ipaddress.IPv6Network((parsed, IPV6_NETWORK_PREFIX), strict=False))
