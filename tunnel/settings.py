"""Tunnel settings: read from the config's flat `settings` dict, overridable
per run by `serve --tunnel ...`.

The keys are flat (not a nested "tunnel" object) because ConfigStore masks
every top-level key ending in "token" in the logs; a nested token would leak.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Mapping

PROVIDERS = ("cloudflared", "ngrok", "ssh", "external")
STRICT_HOST_KEY_CHOICES = ("yes", "accept-new", "no")

DEFAULT_HEALTH_INTERVAL = 60.0
DEFAULT_NGROK_API = "http://127.0.0.1:4040"

# dataclass field -> key in Config.settings
SETTING_KEYS = {
    "provider": "tunnel_provider",
    "public_url": "tunnel_public_url",
    "token": "tunnel_token",
    "binary": "tunnel_binary",
    "ssh_host": "tunnel_ssh_host",
    "ssh_user": "tunnel_ssh_user",
    "ssh_port": "tunnel_ssh_port",
    "remote_port": "tunnel_remote_port",
    "identity_file": "tunnel_key",
    "strict_host_key_checking": "tunnel_strict_host_key_checking",
    "known_hosts": "tunnel_known_hosts",
    "ngrok_domain": "tunnel_ngrok_domain",
    "ngrok_api": "tunnel_ngrok_api",
    "health_interval": "tunnel_health_interval",
    "registered_url": "registered_url",
}


@dataclass(frozen=True)
class TunnelSettings:
    provider: str = ""                      # "" = no tunnel
    public_url: str | None = None           # fixed URL: named tunnel hostname, ssh host, external
    token: str | None = field(default=None, repr=False)  # cloudflared tunnel token / ngrok authtoken
    binary: str | None = None               # explicit path to the executable (else looked up on PATH)
    ssh_host: str | None = None
    ssh_user: str | None = None
    ssh_port: int | None = None             # the ssh server's port (default 22)
    remote_port: int | None = None          # port opened on the ssh host
    identity_file: str | None = None
    strict_host_key_checking: str = "accept-new"
    known_hosts: str | None = None
    ngrok_domain: str | None = None         # reserved domain: a URL that survives restarts
    ngrok_api: str = DEFAULT_NGROK_API      # ngrok's local agent API (web_addr)
    health_interval: float = DEFAULT_HEALTH_INTERVAL
    registered_url: str | None = None       # the URL the school gave ClassIn

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any], **overrides: Any) -> "TunnelSettings":
        """Settings from the config, then every override that is not None."""
        values: dict[str, Any] = {}
        for name, key in SETTING_KEYS.items():
            if settings.get(key) not in (None, ""):
                values[name] = settings[key]
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**_coerce(values))

    def to_settings(self) -> dict[str, Any]:
        """The non-default values as Config.settings entries (to remember a setup)."""
        defaults = TunnelSettings()
        return {SETTING_KEYS[f.name]: getattr(self, f.name) for f in dataclasses.fields(self)
                if getattr(self, f.name) != getattr(defaults, f.name)}

    def secrets(self) -> list[str]:
        return [self.token] if self.token else []


def _coerce(values: dict[str, Any]) -> dict[str, Any]:
    # config.json is edited by hand too: accept numbers written as strings.
    for name in ("ssh_port", "remote_port"):
        if name in values:
            values[name] = int(values[name])
    if "health_interval" in values:
        values["health_interval"] = float(values["health_interval"])
    for name in ("public_url", "registered_url"):
        if name in values:
            values[name] = str(values[name]).rstrip("/")
    return values
