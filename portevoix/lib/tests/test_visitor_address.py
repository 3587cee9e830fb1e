"""Limits per network count each visitor's network, also behind a reverse proxy."""

import pytest
from django.test import RequestFactory

from portevoix.lib.hashing import network_address_hash, visitor_address, visitor_network

PROXY = "127.0.0.1"


def request_from(peer=PROXY, forwarded=None):
    headers = {} if forwarded is None else {"HTTP_X_FORWARDED_FOR": forwarded}
    return RequestFactory().post("/", REMOTE_ADDR=peer, **headers)


@pytest.fixture
def behind_one_proxy(settings):
    settings.BEHIND_PROXY, settings.PROXY_HOPS = True, 1


def test_without_a_proxy_the_header_is_anyones_claim_and_is_ignored(settings):
    settings.BEHIND_PROXY = False
    claimed = request_from("198.51.100.20", forwarded="203.0.113.5")
    assert visitor_address(claimed) == "198.51.100.20"


@pytest.mark.usefixtures("behind_one_proxy")
def test_behind_a_proxy_the_visitor_is_the_address_the_proxy_added():
    assert visitor_address(request_from(forwarded="203.0.113.5")) == "203.0.113.5"
    # What the visitor sent themselves stays on the left, where it is never read.
    assert visitor_address(request_from(forwarded="10.0.0.1, 203.0.113.5")) == "203.0.113.5"
    assert visitor_address(request_from(forwarded="10.0.0.1,203.0.113.5 ")) == "203.0.113.5"


@pytest.mark.usefixtures("behind_one_proxy")
def test_a_request_the_proxy_did_not_forward_counts_as_the_proxys_own():
    assert visitor_address(request_from()) == PROXY
    assert visitor_address(request_from(forwarded="")) == PROXY


def test_with_a_chain_of_proxies_each_one_counts_as_a_hop(settings):
    settings.BEHIND_PROXY, settings.PROXY_HOPS = True, 2
    chain = "192.0.2.99, 203.0.113.5, 10.0.0.2"  # claimed, the visitor, the CDN's node
    assert visitor_address(request_from(forwarded=chain)) == "203.0.113.5"
    # Through one proxy only: no entry can be trusted, the sender's address is used.
    assert visitor_address(request_from("10.0.0.3", forwarded="203.0.113.5")) == "10.0.0.3"


def test_an_ipv6_visitor_is_counted_by_their_networks_block():
    home = visitor_network("2001:db8:1:2:aaaa::1")
    assert home == visitor_network("2001:db8:1:2:ffff:1234:5:6") == "2001:db8:1:2::/64"
    assert visitor_network("2001:db8:1:3::1") != home
    assert visitor_network("::ffff:203.0.113.5") == visitor_network("203.0.113.5") == "203.0.113.5"


def test_an_address_that_is_not_one_is_counted_as_it_is():
    assert visitor_network("") == ""
    assert visitor_network("unknown") == "unknown"


@pytest.mark.usefixtures("behind_one_proxy")
def test_visitors_in_one_block_share_a_hash_and_others_do_not():
    same_home = [request_from(forwarded=f"2001:db8::{n}") for n in (1, 2)]
    neighbour = request_from(forwarded="2001:db8:0:1::1")
    hashes = {network_address_hash(request) for request in same_home}
    assert len(hashes) == 1
    assert network_address_hash(neighbour) not in hashes
    assert "2001" not in hashes.pop()
