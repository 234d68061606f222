"""Network reports (`Net`) and device checks (`Check`, `UserCheck`) decoded
into what a support desk acts on: shares, rates and a list of problems.

ClassIn publishes the meaning of the codes but no numeric limits; the limits
in `Thresholds` are ClassWatch's own (monitoring-notes §3) and configurable.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

from protocol import classin as ci

from .frozen import frozen


@frozen
class Thresholds:
    degraded_share: float = 0.20    # bad + poor + notReach probes, as a share of all probes
    loss_percent: float = 5.0
    delay_ms: float = 300.0
    cpu_busy_share: float = 0.30    # high + busy CPU samples, as a share of all samples


DEFAULT_THRESHOLDS = Thresholds()

# The user's thresholds in config.json's settings (flat keys; the Settings view writes them).
LOSS_PERCENT = "net_loss_percent"
DELAY_MS = "net_delay_ms"
DEGRADED_PERCENT = "net_degraded_percent"
CPU_BUSY_PERCENT = "cpu_busy_percent"


def thresholds_from(settings: Mapping[str, Any]) -> Thresholds:
    """The thresholds the user set, for every path that decides what is a problem:
    live, History, exports, the derived tables and `rebuild` alike."""
    d = DEFAULT_THRESHOLDS
    return Thresholds(
        degraded_share=number_setting(settings, DEGRADED_PERCENT, d.degraded_share * 100) / 100,
        loss_percent=number_setting(settings, LOSS_PERCENT, d.loss_percent),
        delay_ms=number_setting(settings, DELAY_MS, d.delay_ms),
        cpu_busy_share=number_setting(settings, CPU_BUSY_PERCENT, d.cpu_busy_share * 100) / 100)


def number_setting(settings: Mapping[str, Any], key: str, default: float) -> float:
    try:
        value = float(settings.get(key, default))   # config.json is edited by hand too
    except (TypeError, ValueError):
        return default
    return value if value > 0 else default


# --- Net ------------------------------------------------------------------------
@frozen
class QualityShares:
    """Probe counts per quality class as fractions of the probe total."""
    good: float
    normal: float
    bad: float
    poor: float
    not_reach: float

    @property
    def usable(self) -> float:
        return self.good + self.normal

    @property
    def degraded(self) -> float:
        # Which of bad/poor is worse is unpublished: both count as degraded.
        return self.bad + self.poor + self.not_reach


@frozen
class CpuShares:
    low: float
    medium: float
    high: float
    busy: float

    @property
    def overloaded(self) -> float:
        return self.high + self.busy


Hop = Literal["home network", "access provider", "path to ClassIn"]


@frozen
class NetSample:
    uid: int | None
    time: int
    period_seconds: int | None
    local_ip: str | None
    socket: str | None              # "UDP" or "TCP": what the media actually used
    quality: QualityShares | None   # UDP probes
    avg_delay_ms: float | None
    loss_percent: float | None      # loss / udpTotalPkts
    cpu: CpuShares | None
    gateway: QualityShares | None   # the user's own router
    gateway2: QualityShares | None  # the provider's access gateway
    trouble_at: Hop | None          # where the trouble starts, when there is any
    problems: tuple[str, ...]

    @property
    def has_problem(self) -> bool:
        return bool(self.problems)


# The counters of each share and their total, as `Net.Data` names them.
_QUALITY = ("good", "normal", "bad", "poor", "notReach", "total")
_GATEWAY = tuple("gateway" + n[0].upper() + n[1:] for n in _QUALITY)
_GATEWAY2 = tuple("gateway2" + n[0].upper() + n[1:] for n in _QUALITY)
_CPU = ("cpuLow", "cpuMedium", "cpuHigh", "cpuBusy", "cpuTotal")


def _fractions(data: Mapping[str, Any], keys: tuple[str, ...]) -> list[float] | None:
    """Each counter of `keys` (the total last) as a share of the total (else
    of their sum); None when there is nothing to share."""
    values = list(map(data.get, keys))
    if values.count(None) == len(values):   # not reported (a report carries some of them)
        return None
    as_float = ci.as_float
    total = values.pop()
    counts = [0.0 if v is None else float(v) if type(v) is int else as_float(v) or 0.0 for v in values]
    total = as_float(total) or sum(counts)
    if total <= 0:
        return None
    return [c / total for c in counts]


def _shares(data: Mapping[str, Any], keys: tuple[str, ...]) -> QualityShares | None:
    fractions = _fractions(data, keys)
    return None if fractions is None else QualityShares(*fractions)


def _cpu(data: Mapping[str, Any]) -> CpuShares | None:
    fractions = _fractions(data, _CPU)
    return None if fractions is None else CpuShares(*fractions)


def _percent(part: Any, whole: Any) -> float | None:
    p, w = ci.as_float(part), ci.as_float(whole)
    if p is None or not w or w <= 0:
        return None
    return 100.0 * p / w


def _hop_in_trouble(shares: QualityShares | None, loss_percent: float | None,
                    limits: Thresholds) -> bool:
    degraded = shares is not None and shares.degraded >= limits.degraded_share
    lossy = loss_percent is not None and loss_percent >= limits.loss_percent
    return degraded or lossy


def decode_net(data: Mapping[str, Any], uid: int | None, time: int,
               limits: Thresholds = DEFAULT_THRESHOLDS) -> NetSample:
    """`Net.Data` (every field optional, numbers possibly strings)."""
    quality = _shares(data, _QUALITY)
    gateway = _shares(data, _GATEWAY)
    gateway2 = _shares(data, _GATEWAY2)
    cpu = _cpu(data)
    delay = ci.as_float(data.get("avgDelay"))
    loss = _percent(data.get("loss"), data.get("udpTotalPkts"))
    socket = ci.as_str(data.get("socket"))

    problems: list[str] = []
    if quality is not None and quality.degraded >= limits.degraded_share:
        problems.append(f"{quality.degraded:.0%} of network probes degraded")
    if loss is not None and loss >= limits.loss_percent:
        problems.append(f"packet loss {loss:.0f}%")
    if delay is not None and delay >= limits.delay_ms:
        problems.append(f"delay {delay:.0f} ms")
    if socket and socket.strip().upper() == "TCP":
        problems.append("media over TCP (UDP blocked?)")
    if cpu is not None and cpu.overloaded >= limits.cpu_busy_share:
        problems.append(f"CPU overloaded {cpu.overloaded:.0%} of the time")

    # Walk outwards from the user: the first hop already in trouble is the
    # likely cause (a bad home router spoils every hop behind it).
    trouble_at: Hop | None = None
    if problems:
        if _hop_in_trouble(gateway, _percent(data.get("gatewayLoss"), data.get("gatewayTotal")), limits):
            trouble_at = "home network"
        elif _hop_in_trouble(gateway2, _percent(data.get("gateway2Loss"), data.get("gateway2Total")), limits):
            trouble_at = "access provider"
        elif gateway is not None and gateway2 is not None:
            trouble_at = "path to ClassIn"
    if trouble_at is not None:
        problems.append(f"trouble starts at: {trouble_at}")

    return NetSample(
        uid=uid, time=time, period_seconds=ci.as_int(data.get("mediaDuration")),
        local_ip=ci.as_str(data.get("localIP")), socket=socket, quality=quality,
        avg_delay_ms=delay, loss_percent=loss, cpu=cpu, gateway=gateway, gateway2=gateway2,
        trouble_at=trouble_at, problems=tuple(problems))


# --- Check / UserCheck ----------------------------------------------------------------
CheckKind = Literal["in-class", "out-of-class"]
DeviceVerdict = Literal["ok", "problem", "not-tested", "unknown"]


@frozen
class DeviceState:
    state: DeviceVerdict
    reason: str


@frozen
class DeviceCheck:
    kind: CheckKind
    uid: int | None
    time: int
    operating_system: str | None
    cpu: str | None
    client_version: str | None
    device_type: int | None
    microphone: DeviceState
    speaker: DeviceState
    camera: DeviceState
    chosen_microphone: str | None
    chosen_speaker: str | None
    chosen_camera: str | None
    microphones: tuple[str, ...] | None      # None: the check sent no device list
    speakers: tuple[str, ...] | None
    cameras: tuple[str, ...] | None
    delay_ms: float | None
    delay_timed_out: bool
    loss_percent: float | None
    ip: str | None
    mac: str | None
    info_source: int | None
    problems: tuple[str, ...]

    @property
    def device_type_label(self) -> str:
        return ci.DEVICE_TYPE.get(self.device_type, "unknown") if self.device_type is not None \
            else "unknown"

    @property
    def info_source_label(self) -> str | None:
        labels = ci.CHECK_INFO_SOURCE if self.kind == "in-class" else ci.USERCHECK_INFO_SOURCE
        return labels.get(self.info_source) if self.info_source is not None else None

    @property
    def has_problem(self) -> bool:
        return bool(self.problems)


def _in_class_state(arbitrary: int | None, impersonal: int | None, mobile: bool,
                    broken: str) -> DeviceState:
    """Check: Arbitrary says installed or absent, Impersonal whether the
    program got data from the device (meaningless on mobile)."""
    if mobile:
        impersonal = None
    if arbitrary == ci.CHECK_ABSENT:
        return DeviceState("problem", "disabled or absent")
    if impersonal == ci.CHECK_ABNORMAL:
        return DeviceState("problem", broken)
    if impersonal == ci.CHECK_NORMAL:
        return DeviceState("ok", "working")
    if arbitrary == ci.CHECK_INSTALLED:
        return DeviceState("ok", "installed (not tested by the program)")
    if impersonal == ci.CHECK_NOT_TESTED:
        return DeviceState("not-tested", "not tested")
    return DeviceState("unknown", "not reported")


def _user_check_state(arbitrary: int | None, impersonal: int | None, mobile: bool,
                      broken: str) -> DeviceState:
    """UserCheck: the user-chosen device (Arbitrary) and the program's own test
    (Impersonal), both not tested / normal / abnormal."""
    if mobile:
        impersonal = None
    if arbitrary == ci.CHECK_ABNORMAL:
        return DeviceState("problem", "chosen device abnormal")
    if impersonal == ci.CHECK_ABNORMAL:
        return DeviceState("problem", broken)
    if ci.CHECK_NORMAL in (arbitrary, impersonal):
        return DeviceState("ok", "normal")
    if ci.CHECK_NOT_TESTED in (arbitrary, impersonal):
        return DeviceState("not-tested", "not tested")
    return DeviceState("unknown", "not reported")


def _names(value: Any) -> tuple[str, ...]:
    return tuple(n for n in (ci.as_str(v) for v in ci.as_list(value)) if n)


def decode_check(data: Mapping[str, Any], uid: int | None, time: int, kind: CheckKind,
                 limits: Thresholds = DEFAULT_THRESHOLDS) -> DeviceCheck:
    device_type = ci.as_int(data.get("DeviceType"))
    mobile = device_type in ci.MOBILE_DEVICE_TYPES
    decide = _in_class_state if kind == "in-class" else _user_check_state

    def state(device: str, broken: str) -> DeviceState:
        return decide(ci.as_int(data.get(device + "Arbitrary")),
                      ci.as_int(data.get(device + "Impersonal")), mobile, broken)

    microphone = state("Microphone", "no sound data")
    speaker = state("Headphone", "abnormal")
    camera = state("Camera", "no picture")

    listing = ci.as_dict(data.get("EEO_DEVICE_LIST"))
    cameras = _names(listing["camera"]) if "camera" in listing else None
    microphones = _names(ci.pick(listing, "micphone", "microphone")) \
        if ("micphone" in listing or "microphone" in listing) else None
    speakers = _names(listing["speaker"]) if "speaker" in listing else None

    delay_text = ci.as_str(data.get("NetworkDelay"))
    timed_out = delay_text is not None and delay_text.strip().upper() == ci.CHECK_TIMED_OUT
    delay = ci.as_float(delay_text)
    loss = ci.as_float(ci.as_str(data.get("FrameLoss")))
    info_source = ci.as_int(data.get("InfoSource"))

    problems: list[str] = []
    for label, device in (("microphone", microphone), ("speaker", speaker), ("camera", camera)):
        if device.state == "problem":
            problems.append(f"{label}: {device.reason}")
    if cameras == ():
        problems.append("no camera found")
    if microphones == ():
        problems.append("no microphone found")
    if timed_out:
        problems.append("delay test timed out")
    if delay is not None and delay >= limits.delay_ms:
        problems.append(f"delay {delay:.0f} ms")
    if loss is not None and loss >= limits.loss_percent:
        problems.append(f"packet loss {loss:.0f}%")
    if kind == "in-class" and info_source == ci.INFO_SOURCE_DEVICE_CHANGED:
        problems.append("device plugged/unplugged during the lesson")
    if info_source == ci.INFO_SOURCE_INTERRUPTED:
        problems.append("device check interrupted")

    return DeviceCheck(
        kind=kind, uid=uid, time=time,
        operating_system=ci.as_str(data.get("OperatingSystem")), cpu=ci.as_str(data.get("CPU")),
        client_version=ci.as_str(data.get("ClassInVersion")), device_type=device_type,
        microphone=microphone, speaker=speaker, camera=camera,
        chosen_microphone=ci.as_str(data.get("EEO_AUDIO_DEVICE_NAME")),
        chosen_speaker=ci.as_str(data.get("EEO_AUDIO_OUTPUT_NAME")),
        chosen_camera=ci.as_str(data.get("EEO_VIDEO_DEVICE_NAME")),
        microphones=microphones, speakers=speakers, cameras=cameras,
        delay_ms=delay, delay_timed_out=timed_out, loss_percent=loss,
        ip=ci.as_str(data.get("ClientIP")), mac=ci.as_str(data.get("Mac")),
        info_source=info_source, problems=tuple(problems))
