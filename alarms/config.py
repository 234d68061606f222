"""The user's alarm settings in config.json (`Config.settings`, flat keys so
ConfigStore's secret masking never misses one) and what they mean for the
AlarmCenter and the Net/Check decoding. Qt-free: the Settings view writes
these keys, the monitor reads them."""
from __future__ import annotations

from typing import Any, Mapping

from lessons.diagnostics import DEFAULT_THRESHOLDS, Thresholds

from .center import AlarmSettings

SILENCE_MINUTES = "alarm_silence_minutes"
DEVICE_ALARMS = "alarm_device"
NETWORK_ALARMS = "alarm_network"
SOUND = "alarm_sound"
LOSS_PERCENT = "net_loss_percent"
DELAY_MS = "net_delay_ms"
DEGRADED_PERCENT = "net_degraded_percent"
CPU_BUSY_PERCENT = "cpu_busy_percent"


def _number(settings: Mapping[str, Any], key: str, default: float) -> float:
    try:
        value = float(settings.get(key, default))   # config.json is edited by hand too
    except (TypeError, ValueError):
        return default
    return value if value > 0 else default


def alarm_settings(settings: Mapping[str, Any]) -> AlarmSettings:
    defaults = AlarmSettings()
    return AlarmSettings(
        silence_seconds=60 * _number(settings, SILENCE_MINUTES, defaults.silence_seconds / 60),
        resent_quiet_seconds=defaults.resent_quiet_seconds,
        device_alarms=bool(settings.get(DEVICE_ALARMS, defaults.device_alarms)),
        network_alarms=bool(settings.get(NETWORK_ALARMS, defaults.network_alarms)))


def thresholds(settings: Mapping[str, Any]) -> Thresholds:
    d = DEFAULT_THRESHOLDS
    return Thresholds(
        degraded_share=_number(settings, DEGRADED_PERCENT, d.degraded_share * 100) / 100,
        loss_percent=_number(settings, LOSS_PERCENT, d.loss_percent),
        delay_ms=_number(settings, DELAY_MS, d.delay_ms),
        cpu_busy_share=_number(settings, CPU_BUSY_PERCENT, d.cpu_busy_share * 100) / 100)
