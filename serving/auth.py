"""Access control for the internal server: off, HTTP Basic against an htpasswd file of bcrypt entries, or a
user header set by the reverse proxy and believed only from the proxy's addresses. /healthz stays open."""

from __future__ import annotations

import base64
import binascii
import ipaddress
import logging
from pathlib import Path

import bcrypt
from flask import Flask, Response, g, request

from ocindex.settings import Settings, SettingsError

log = logging.getLogger(__name__)
REALM = "OC Index Explorer"
BCRYPT_PREFIXES = ("$2y$", "$2b$", "$2a$")


def read_htpasswd(path: Path) -> dict[str, bytes]:
    """user -> bcrypt hash. Anything but bcrypt (plaintext, MD5, SHA) is refused: never plaintext."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise SettingsError(f"OCINDEX_HTPASSWD: cannot read {path}: {exc}") from None
    users = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        user, sep, hashed = line.strip().partition(":")
        if not sep or not user or not hashed.startswith(BCRYPT_PREFIXES):
            raise SettingsError(f"OCINDEX_HTPASSWD: {path} line {number} is not a bcrypt entry "
                                f"(create entries with `htpasswd -B`)")
        users[user] = hashed.encode()
    if not users:
        raise SettingsError(f"OCINDEX_HTPASSWD: {path} has no users")
    return users


class BasicAuth:
    def __init__(self, users: dict[str, bytes]):
        self.users = users

    def user(self) -> str | None:
        header = request.headers.get("Authorization", "")
        scheme, _, encoded = header.partition(" ")
        if scheme.lower() != "basic":
            return None
        try:
            user, _, password = base64.b64decode(encoded, validate=True).decode("utf-8").partition(":")
        except (binascii.Error, UnicodeDecodeError):
            return None
        hashed = self.users.get(user)
        if hashed is None or not bcrypt.checkpw(password.encode("utf-8"), hashed):
            return None
        return user

    def refuse(self) -> Response:
        return Response("Authentication required.\n", 401, {"WWW-Authenticate": f'Basic realm="{REALM}"'},
                        mimetype="text/plain")


class HeaderAuth:
    def __init__(self, header: str, proxies: tuple):
        if not proxies:
            raise SettingsError("OCINDEX_AUTH=header needs OCINDEX_TRUSTED_PROXIES (the proxy's addresses)")
        self.header, self.proxies = header, proxies

    def user(self) -> str | None:
        try:
            peer = ipaddress.ip_address(request.remote_addr or "")
        except ValueError:
            return None
        if not any(peer in network for network in self.proxies):
            return None  # a user header from anyone but the proxy is spoofed
        return request.headers.get(self.header, "").strip() or None

    def refuse(self) -> Response:
        return Response("Sign in through the organisation's proxy.\n", 401, mimetype="text/plain")


def install(server: Flask, settings: Settings, open_paths: set[str]) -> None:
    if settings.auth == "off":
        return
    if settings.auth == "basic":
        if settings.htpasswd is None:
            raise SettingsError("OCINDEX_AUTH=basic needs OCINDEX_HTPASSWD (a file written by `htpasswd -B`)")
        guard = BasicAuth(read_htpasswd(settings.htpasswd))
    else:
        guard = HeaderAuth(settings.auth_header, settings.trusted_proxies)

    @server.before_request
    def require_user():
        if request.path in open_paths:
            return None
        user = guard.user()
        if user is None:
            log.info("refused %s %s from %s", request.method, request.path, request.remote_addr)
            return guard.refuse()
        g.user = user
        return None
