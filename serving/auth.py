"""Access control for the internal server: off, HTTP Basic against an htpasswd file of bcrypt entries, or a
user header set by the reverse proxy and believed only from the proxy's addresses, on requests that carry the
secret only the proxy knows. /healthz stays open."""

from __future__ import annotations

import base64
import binascii
import hmac
import ipaddress
import logging
import re
from pathlib import Path

import bcrypt
from flask import Flask, Response, g, request

from ocindex.settings import Settings, SettingsError

log = logging.getLogger(__name__)
REALM = "OC Index Explorer"
BCRYPT_PREFIXES = ("$2y$", "$2b$", "$2a$")
# What bcrypt accepts: a variant, a cost of 04-31, then 22 characters of salt and 31 of hash in its base64.
BCRYPT_HASH = re.compile(r"\$2[aby]\$(0[4-9]|[12]\d|3[01])\$[./A-Za-z0-9]{53}")
PROXY_SECRET_HEADER = "X-OCIndex-Proxy-Secret"


def read_htpasswd(path: Path) -> dict[str, bytes]:
    """user -> bcrypt hash. Anything but a well-formed bcrypt entry (plaintext, MD5, SHA, a damaged hash) stops
    the start-up, naming the line: never plaintext, and never a file that would fail at every sign-in."""
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
        if not BCRYPT_HASH.fullmatch(hashed):
            raise SettingsError(f"OCINDEX_HTPASSWD: {path} line {number} holds a damaged bcrypt hash "
                                f"(write the entry again with `htpasswd -B`)")
        users[user] = hashed.encode()
    if not users:
        raise SettingsError(f"OCINDEX_HTPASSWD: {path} has no users")
    return users


class BasicAuth:
    def __init__(self, users: dict[str, bytes]):
        self.users = users
        # An unknown user is checked against this, at the file's own cost, so that the time of the answer does
        # not tell which user names exist.
        cost = int(next(iter(users.values()))[4:6])
        self.dummy = bcrypt.hashpw(b"no such user", bcrypt.gensalt(rounds=cost))

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
        try:
            matches = bcrypt.checkpw(password.encode("utf-8"), hashed or self.dummy)
        except ValueError:  # e.g. a password over bcrypt's 72 bytes: a failed sign-in, not a server error
            return None
        return user if matches and hashed is not None else None

    def refuse(self) -> Response:
        return Response("Authentication required.\n", 401, {"WWW-Authenticate": f'Basic realm="{REALM}"'},
                        mimetype="text/plain")


class HeaderAuth:
    def __init__(self, header: str, proxies: tuple, secret: str | None):
        if not proxies:
            raise SettingsError("OCINDEX_AUTH=header needs OCINDEX_TRUSTED_PROXIES (the proxy's addresses)")
        if not secret:
            raise SettingsError("OCINDEX_AUTH=header needs OCINDEX_PROXY_SECRET (a long random value the proxy "
                                f"sends in {PROXY_SECRET_HEADER})")
        self.header, self.proxies, self.secret = header, proxies, secret.encode()

    def user(self) -> str | None:
        try:
            peer = ipaddress.ip_address(request.remote_addr or "")
        except ValueError:
            return None
        if not any(peer in network for network in self.proxies):
            return None  # a user header from anyone but the proxy is spoofed
        # Any local user can reach the app from the proxy's address; only the proxy knows the secret.
        if not hmac.compare_digest(request.headers.get(PROXY_SECRET_HEADER, "").encode(), self.secret):
            return None
        return request.headers.get(self.header, "").strip() or None

    def refuse(self) -> Response:
        return Response("Sign in through the organisation's proxy.\n", 401, mimetype="text/plain")


def guard(settings: Settings) -> BasicAuth | HeaderAuth | None:
    """The access check the settings ask for; SettingsError if they are incomplete or the user file is damaged."""
    if settings.auth == "off":
        return None
    if settings.auth == "basic":
        if settings.htpasswd is None:
            raise SettingsError("OCINDEX_AUTH=basic needs OCINDEX_HTPASSWD (a file written by `htpasswd -B`)")
        return BasicAuth(read_htpasswd(settings.htpasswd))
    return HeaderAuth(settings.auth_header, settings.trusted_proxies, settings.proxy_secret)


def install(server: Flask, settings: Settings, open_paths: set[str]) -> None:
    check = guard(settings)
    if check is None:
        return

    @server.before_request
    def require_user():
        if request.path in open_paths:
            return None
        user = check.user()
        if user is None:
            log.info("refused %s %s from %s", request.method, request.path, request.remote_addr)
            return check.refuse()
        g.user = user
        return None
