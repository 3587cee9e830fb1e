import hashlib
import ipaddress
import socket
from functools import lru_cache

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
    never read. The header is read only on a request from the proxy (`PROXY_ADDRESSES`):
    anyone else reaching the site could claim any address. Anything else, a header with
    fewer entries than that, or an entry that is not an address, gives the sender's address.
    """
    peer = request.META.get("REMOTE_ADDR", "")
    if not settings.BEHIND_PROXY or not is_the_sites_proxy(peer, tuple(settings.PROXY_ADDRESSES)):
        return peer
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    if len(forwarded) < settings.PROXY_HOPS:
        return peer
    return address_without_port(forwarded[-settings.PROXY_HOPS]) or peer


@lru_cache(maxsize=256)  # the few addresses proxies reach the site from: checked once each
def is_the_sites_proxy(peer, proxy_addresses):
    """Whether a request came from the site's proxy: from one of `proxy_addresses`, or from
    no address at all (a local socket, which only what runs on this machine reaches)."""
    if not peer:
        return True
    try:
        address = ipaddress.ip_address(peer)
    except ValueError:
        return False
    return any(address in ipaddress.ip_network(text, strict=False) for text in proxy_addresses)


def address_without_port(text):
    """An address as some proxies write it, `203.0.113.5:51234` or `[2001:db8::1]:443`,
    without its port (which changes with every connection), in its usual spelling; "" if it
    is not an address."""
    text = text.strip()
    if text.startswith("["):
        text = text[1:].partition("]")[0]
    elif text.count(":") == 1:
        text = text.partition(":")[0]
    packed = packed_address(text)
    if packed is None:
        return ""
    return socket.inet_ntop(socket.AF_INET if len(packed) == 4 else socket.AF_INET6, packed)


def packed_address(text):
    """The address's bytes (4 for IPv4, 16 for IPv6), or None if it is not one.

    The C library's parser: about twenty times as fast as the `ipaddress` module, on every
    form post that counts against a limit.
    """
    for family in (socket.AF_INET, socket.AF_INET6):
        try:
            return socket.inet_pton(family, text)
        except OSError:
            continue
    return None


# An IPv6 address is one of a block its network hands out (a /64 for a home or a phone), from
# which a device may take a new one at will: a limit per network counts the block.
IPV6_BLOCK_BYTES = 8  # a /64
IPV4_MAPPED = bytes(10) + b"\xff\xff"  # ::ffff:203.0.113.5 is 203.0.113.5


def visitor_network(address):
    """What a limit per network counts: an IPv4 address, or an IPv6 address's /64 block."""
    packed = packed_address(address)
    if packed is None:  # none (a local socket): counted as it is
        return address
    if len(packed) == 4:
        return socket.inet_ntop(socket.AF_INET, packed)
    if packed.startswith(IPV4_MAPPED):
        return socket.inet_ntop(socket.AF_INET, packed[len(IPV4_MAPPED) :])
    block = packed[:IPV6_BLOCK_BYTES] + bytes(16 - IPV6_BLOCK_BYTES)
    return f"{socket.inet_ntop(socket.AF_INET6, block)}/{IPV6_BLOCK_BYTES * 8}"
