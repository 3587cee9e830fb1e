"""Limits per network count each visitor's network, also behind a reverse proxy."""

import pytest
from django.test import RequestFactory

from portevoix.lib.hashing import (
    keyed_hash,
    network_address_hash,
    visitor_address,
    visitor_network,
)

PROXY = "127.0.0.1"


def request_from(peer=PROXY, forwarded=None):
    headers = {} if forwarded is None else {"HTTP_X_FORWARDED_FOR": forwarded}
    return RequestFactory().post("/", REMOTE_ADDR=peer, **headers)


@pytest.fixture
def behind_one_proxy(settings):
    settings.BEHIND_PROXY, settings.PROXY_HOPS = True, 1
    settings.PROXY_ADDRESSES = ["127.0.0.1/32", "::1/128"]


def test_without_a_proxy_the_header_is_anyones_claim_and_is_ignored(settings):
    settings.BEHIND_PROXY = False
    claimed = request_from("198.51.100.20", forwarded="203.0.113.5")
    assert visitor_address(claimed) == "198.51.100.20"


@pytest.mark.usefixtures("behind_one_proxy")
def test_behind_a_proxy_the_visitor_is_the_address_the_proxy_added():
    assert visitor_address(request_from(forwarded="203.0.113.5")) == "203.0.113.5"
    # What the visitor sent themselves stays on the left, where it is never read (gunicorn
    # joins a header sent twice the same way).
    assert visitor_address(request_from(forwarded="10.0.0.1, 203.0.113.5")) == "203.0.113.5"
    assert visitor_address(request_from(forwarded="10.0.0.1,203.0.113.5 ")) == "203.0.113.5"
    assert visitor_address(request_from("::1", forwarded="2001:db8::7")) == "2001:db8::7"


@pytest.mark.usefixtures("behind_one_proxy")
def test_only_the_proxy_is_believed():
    # Someone reaching the site without going through the proxy claims any address in vain.
    direct = request_from("198.51.100.20", forwarded="203.0.113.5")
    assert visitor_address(direct) == "198.51.100.20"
    # The proxy on this machine through a local socket has no address, and is believed.
    assert visitor_address(request_from("", forwarded="203.0.113.5")) == "203.0.113.5"


def test_a_proxy_elsewhere_is_named_by_its_network(settings):
    settings.BEHIND_PROXY, settings.PROXY_HOPS = True, 1
    settings.PROXY_ADDRESSES = ["172.16.0.0/12"]
    assert visitor_address(request_from("172.18.0.3", forwarded="203.0.113.5")) == "203.0.113.5"
    assert visitor_address(request_from(PROXY, forwarded="203.0.113.5")) == PROXY


@pytest.mark.usefixtures("behind_one_proxy")
def test_a_request_the_proxy_did_not_forward_counts_as_the_proxys_own():
    assert visitor_address(request_from()) == PROXY
    assert visitor_address(request_from(forwarded="")) == PROXY


@pytest.mark.usefixtures("behind_one_proxy")
@pytest.mark.parametrize(
    ("written", "visitor"),
    [
        ("203.0.113.5:51234", "203.0.113.5"),
        ("[2001:db8::1]:443", "2001:db8::1"),
        ("[2001:db8::1]", "2001:db8::1"),
        ("2001:DB8::0:1", "2001:db8::1"),
    ],
)
def test_a_port_or_another_spelling_is_the_same_visitor(written, visitor):
    assert visitor_address(request_from(forwarded=written)) == visitor


@pytest.mark.usefixtures("behind_one_proxy")
@pytest.mark.parametrize("written", ["unknown", "010.0.0.1", "203.0.113.5:1:2", "[bad]:80"])
def test_an_entry_that_is_not_an_address_counts_as_the_proxys_own(written):
    # Never a bucket of its own, which a visitor could make new for each post.
    assert visitor_address(request_from(forwarded=written)) == PROXY


def test_with_a_chain_of_proxies_each_one_counts_as_a_hop(settings):
    settings.BEHIND_PROXY, settings.PROXY_HOPS = True, 2
    settings.PROXY_ADDRESSES = ["127.0.0.1/32"]
    chain = "192.0.2.99, 203.0.113.5, 10.0.0.2"  # claimed, the visitor, the CDN's node
    assert visitor_address(request_from(forwarded=chain)) == "203.0.113.5"
    # Fewer entries than proxies: not sent through the chain; the sender's address counts.
    assert visitor_address(request_from(forwarded="203.0.113.5")) == PROXY


def test_an_ipv6_visitor_is_counted_by_their_networks_block():
    home = visitor_network("2001:db8:1:2:aaaa::1")
    assert home == visitor_network("2001:db8:1:2:ffff:1234:5:6") == "2001:db8:1:2::/64"
    assert visitor_network("2001:db8:1:3::1") != home
    assert visitor_network("::ffff:203.0.113.5") == visitor_network("203.0.113.5") == "203.0.113.5"
    assert visitor_network("") == ""  # a local socket with no proxy in front


@pytest.mark.usefixtures("behind_one_proxy")
def test_visitors_in_one_block_share_a_hash_and_others_do_not():
    same_home = [request_from(forwarded=f"2001:db8::{n}") for n in (1, 2)]
    neighbour = request_from(forwarded="2001:db8:0:1::1")
    hashes = {network_address_hash(request) for request in same_home}
    assert hashes == {keyed_hash("2001:db8::/64")}
    assert network_address_hash(neighbour) == keyed_hash("2001:db8:0:1::/64")
