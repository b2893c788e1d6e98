"""SSRF guard for webhook targets.

Targets are checked when a subscriber is registered and again at send time, where the check
sits in the connection layer (``newswire.webhooks.GuardedResolver``): the host is resolved
once, every address is checked, and the socket connects to an address that passed — so DNS
cannot change between check and connect.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from newswire.config import Settings

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
_CGNAT = ipaddress.ip_network("100.64.0.0/10")


class BlockedTarget(ValueError):
    """The URL is malformed or points somewhere webhooks may not go."""


@dataclass(frozen=True)
class TargetPolicy:
    allow_private: bool = False
    allowlist: Sequence[ipaddress.IPv4Network | ipaddress.IPv6Network] = field(default_factory=tuple)

    @classmethod
    def from_settings(cls, settings: Settings) -> TargetPolicy:
        networks = (ipaddress.ip_network(cidr, strict=False) for cidr in settings.target_allowlist)
        return cls(settings.allow_private_targets, tuple(networks))

    def check_address(self, address: IPAddress) -> None:
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
            address = address.ipv4_mapped
        if self.allow_private or any(address in net for net in self.allowlist):
            return
        if (
            address.is_private
            or address.is_loopback
            or address.is_link_local
            or address.is_multicast
            or address.is_reserved
            or address.is_unspecified
            or (isinstance(address, ipaddress.IPv4Address) and address in _CGNAT)
            or not address.is_global
        ):
            raise BlockedTarget(f"{address} is not a public address")

    def resolve(self, host: str, port: int) -> list[IPAddress]:
        """Every address ``host`` resolves to, each checked; raises if any is refused."""
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except socket.gaierror as exc:
            raise BlockedTarget(f"cannot resolve {host}: {exc.strerror}") from exc
        addresses = list(dict.fromkeys(ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos))
        for address in addresses:
            self.check_address(address)
        return addresses

    def check_url(self, url: str) -> None:
        """Registration-time check: an absolute http(s) URL whose host resolves to allowed addresses."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise BlockedTarget("the webhook URL must be an absolute http:// or https:// URL")
        if parts.username or parts.password:
            raise BlockedTarget("the webhook URL must not carry credentials")
        try:
            port = parts.port or (443 if parts.scheme == "https" else 80)
        except ValueError as exc:
            raise BlockedTarget("the webhook URL has an invalid port") from exc
        self.resolve(parts.hostname, port)
