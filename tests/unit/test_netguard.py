import ipaddress

import pytest

from newswire.netguard import BlockedTarget, TargetPolicy


@pytest.mark.parametrize(
    "address",
    ["127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "224.0.0.1",
     "0.0.0.0", "240.0.0.1", "::1", "fe80::1", "fc00::1", "::ffff:10.0.0.1", "::ffff:127.0.0.1", "ff02::1"],
)  # fmt: skip
def test_private_and_special_addresses_are_refused(address: str) -> None:
    with pytest.raises(BlockedTarget):
        TargetPolicy().check_address(ipaddress.ip_address(address))


@pytest.mark.parametrize("address", ["93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946", "::ffff:93.184.216.34"])
def test_public_addresses_pass(address: str) -> None:
    TargetPolicy().check_address(ipaddress.ip_address(address))


def test_allowlist_and_private_switch() -> None:
    allow = TargetPolicy(allowlist=(ipaddress.ip_network("10.0.0.0/8"),))
    allow.check_address(ipaddress.ip_address("10.9.9.9"))
    with pytest.raises(BlockedTarget):
        allow.check_address(ipaddress.ip_address("192.168.0.1"))
    TargetPolicy(allow_private=True).check_address(ipaddress.ip_address("127.0.0.1"))


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("ftp://example.org/", "http"),
        ("/relative", "http"),
        ("http://user:pw@example.org/", "credentials"),
        ("http://example.org:99999/", "port"),
        ("http://localhost/", "not a public address"),
        ("http://127.0.0.1:8000/", "not a public address"),
        ("http://[::1]/", "not a public address"),
        ("http://no-such-host.invalid/", "cannot resolve"),
    ],
)
def test_registration_check(url: str, message: str) -> None:
    with pytest.raises(BlockedTarget, match=message):
        TargetPolicy().check_url(url)
