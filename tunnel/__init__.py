"""Exposing the embedded receiver to ClassIn and Gensee through a tunnel
(cloudflared, ngrok, ssh, or an address the user provides), keeping it
healthy, and proving it end to end. Plain asyncio, no Qt."""
from .health import HealthResult, check_health
from .providers import TunnelConfigError
from .selftest import SelftestResult, run_selftest
from .service import Backoff, Tunnel, TunnelListener, TunnelState, TunnelStatus
from .settings import PROVIDERS, TunnelSettings

__all__ = ["Backoff", "HealthResult", "PROVIDERS", "SelftestResult", "Tunnel", "TunnelConfigError",
           "TunnelListener", "TunnelSettings", "TunnelState", "TunnelStatus", "check_health",
           "run_selftest"]
