"""The user's alarm settings in config.json (`Config.settings`, flat keys so
ConfigStore's secret masking never misses one) and what they mean for the
AlarmCenter and the Net/Check decoding. Qt-free: the Settings view writes
these keys, the monitor reads them."""
from __future__ import annotations

from typing import Any, Mapping

# Network thresholds are the user's too; they live with what they decide (lessons.diagnostics).
from lessons.diagnostics import CPU_BUSY_PERCENT, DEGRADED_PERCENT, DELAY_MS, LOSS_PERCENT  # noqa: F401
from lessons.diagnostics import number_setting
from lessons.diagnostics import thresholds_from as thresholds  # noqa: F401

from .center import AlarmSettings

SILENCE_MINUTES = "alarm_silence_minutes"
DEVICE_ALARMS = "alarm_device"
NETWORK_ALARMS = "alarm_network"
SOUND = "alarm_sound"


def alarm_settings(settings: Mapping[str, Any]) -> AlarmSettings:
    defaults = AlarmSettings()
    return AlarmSettings(
        silence_seconds=60 * number_setting(settings, SILENCE_MINUTES, defaults.silence_seconds / 60),
        resent_quiet_seconds=defaults.resent_quiet_seconds,
        device_alarms=bool(settings.get(DEVICE_ALARMS, defaults.device_alarms)),
        network_alarms=bool(settings.get(NETWORK_ALARMS, defaults.network_alarms)))
