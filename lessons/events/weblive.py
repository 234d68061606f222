"""(f) Web live pages, replays and the classroom chat archive (classin.md §14)."""
from __future__ import annotations

from typing import Callable

from protocol import classin as ci

from .base import Event, Push, as_time, as_uid, event_type


@event_type
class WebLiveLogin(Event):
    account: str | None
    nickname: str | None
    login_time: int | None


@event_type
class WebLiveReservation(Event):
    account: str | None
    reserve_time: int | None


@event_type
class WebViewing(Event):
    """LiveDataDetail (replay=False) or ReplayDataDetail (replay=True): one closed page session."""
    replay: bool
    account: str | None             # phone / e-mail, or "yk_..." for a tourist
    nickname: str | None
    in_time: int | None
    look_seconds: int | None
    ip: str | None
    client_type: int | None

    @property
    def tourist(self) -> bool:
        return bool(self.account and self.account.startswith(ci.TOURIST_PREFIX))


@event_type
class WebLiveLike(Event):
    account: str | None


@event_type
class WebLiveProductClick(Event):
    account: str | None
    nickname: str | None
    product_number: int | None
    product_name: str | None


@event_type
class WebLiveChat(Event):
    account: str | None
    nickname: str | None
    ip: str | None
    text: str | None                # the text, or the image URL
    image: bool | None


@event_type
class ClientReplayViewing(Event):
    """ClientPlaybackDataDetail; `old_format` for the pre-2024-08 shape."""
    uid: int | None
    old_format: bool
    covered_seconds: int | None     # TotalLookVaildTime (sic)
    total_duration: int | None      # new format
    valid_views: int | None         # new format: views reaching 75 % coverage
    trigger: int | None             # new format: 1 opened, 3 closed, 4 timeout
    look_count: int | None          # old format
    look_seconds: int | None        # old format, pauses included
    top_progress: str | None        # old format, e.g. "86%"


@event_type
class ChatArchive(Event):
    url: str | None

    @property
    def download_url(self) -> str | None:
        if not self.url:
            return None
        return self.url if "://" in self.url else "https://" + self.url


def _web_login(x: Push) -> Event:
    return WebLiveLogin(**x.common(x.data.get("LoginTime")), account=ci.as_str(x.data.get("Telephone")),
                        nickname=ci.as_str(x.data.get("Nickname")), login_time=as_time(x.data.get("LoginTime")))


def _web_reserve(x: Push) -> Event:
    return WebLiveReservation(**x.common(x.data.get("ReserveTime")), account=ci.as_str(x.data.get("Telephone")),
                              reserve_time=as_time(x.data.get("ReserveTime")))


def _web_viewing(x: Push) -> Event:
    d = x.data
    in_time, look = as_time(d.get("Intime")), ci.as_int(d.get("LookTime"))
    closed = in_time + look if in_time is not None and look is not None else None
    return WebViewing(**x.common(closed), replay=x.cmd == "ReplayDataDetail",
                      account=ci.as_str(ci.pick(d, "Telephone", "Account")),
                      nickname=ci.as_str(d.get("Nickname")), in_time=in_time, look_seconds=look,
                      ip=ci.as_str(ci.pick(d, "IP", "Ip")), client_type=ci.as_int(d.get("ClientType")))


def _web_like(x: Push) -> Event:
    return WebLiveLike(**x.common(x.data.get("Time")), account=ci.as_str(x.data.get("Telephone")))


def _web_goods(x: Push) -> Event:
    d = x.data
    return WebLiveProductClick(**x.common(d.get("Time")), account=ci.as_str(d.get("Telephone")),
                               nickname=ci.as_str(d.get("Nickname")), product_number=ci.as_int(d.get("GoodNum")),
                               product_name=ci.as_str(d.get("GoodName")))


def _web_chat(x: Push) -> Event:
    d, msg = x.data, ci.as_dict(x.data.get("MsgDetail"))
    kind = ci.as_int(msg.get("type"))
    return WebLiveChat(**x.common(d.get("TimeStamp")), account=ci.as_str(ci.pick(d, "Account", "Telephone")),
                       nickname=ci.as_str(d.get("Nickname")), ip=ci.as_str(ci.pick(d, "IP", "Ip")),
                       text=ci.as_str(msg.get("msg")), image=None if kind is None else kind == 2)


_OLD_PLAYBACK_FIELDS = ("TotalLookCount", "TopProcess", "TotalLookTime")


_NEW_PLAYBACK_FIELDS = ("TotalDuration", "LatestDetails", "ValidWatchCount")


def _client_playback(x: Push) -> Event:
    d = x.data
    old = any(k in d for k in _OLD_PLAYBACK_FIELDS) and not any(k in d for k in _NEW_PLAYBACK_FIELDS)
    return ClientReplayViewing(
        **x.common(), uid=as_uid(ci.pick(d, "UID") or x.get("UID")), old_format=old,
        covered_seconds=ci.as_int(ci.pick(d, "TotalLookVaildTime", "TotalLookValidTime")),
        total_duration=ci.as_int(d.get("TotalDuration")), valid_views=ci.as_int(d.get("ValidWatchCount")),
        trigger=ci.as_int(ci.as_dict(d.get("LatestDetails")).get("TriggerType")),
        look_count=ci.as_int(d.get("TotalLookCount")), look_seconds=ci.as_int(d.get("TotalLookTime")),
        top_progress=ci.as_str(d.get("TopProcess")))


def _chat_archive(x: Push) -> Event:
    # Here TimeStamp IS the packing time (§14.9).
    return ChatArchive(**x.common(x.get("TimeStamp")), url=ci.as_str(x.get("Url", "URL")))


def looks_like_client_playback(x: Push) -> bool:
    return any(k in x.data for k in _NEW_PLAYBACK_FIELDS + _OLD_PLAYBACK_FIELDS)

PARSERS: dict[int | str, Callable[[Push], Event]] = {
    "LiveWebLogin": _web_login, "LiveReserve": _web_reserve, "LiveDataDetail": _web_viewing,
    "LiveLike": _web_like, "LiveGoodsClickDetail": _web_goods, "LiveChatMsgDetail": _web_chat,
    "ReplayDataDetail": _web_viewing, "ClientPlaybackDataDetail": _client_playback,
    "ChatContent": _chat_archive,
}
