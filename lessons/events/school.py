"""(c) School-level messages (classin.md §11) and the registration test."""
from __future__ import annotations

from typing import Callable

from protocol import classin as ci

from .base import Event, Push, as_time, as_uid, event_type


@event_type
class RegistrationTest(Event):
    message: str | None


@event_type
class FileConversion(Event):
    file_id: int | None
    result: int | None
    file_name: str | None
    upload_time: int | None
    conversion_time: int | None

    @property
    def succeeded(self) -> bool | None:
        return {ci.FILE_CONVERTED: True, ci.FILE_CONVERSION_FAILED: False}.get(self.result) \
            if self.result is not None else None


@event_type
class AccountCancelled(Event):
    uid: int | None
    cancel_time: int | None
    account_status: int | None


@event_type
class PhoneChanged(Event):
    uid: int | None
    telephone: str | None
    email: str | None
    change_time: int | None


@event_type
class SubAccountSet(Event):
    uid: int | None
    telephone: str | None
    email: str | None
    remark_name: str | None
    permissions: tuple[str, ...]    # page codes; "3_1" is not a number
    set_time: int | None


def _test(x: Push) -> Event:
    return RegistrationTest(**x.common(), message=ci.as_str(x.get("Msg")))


def _file_cov(x: Push) -> Event:
    return FileConversion(**x.common(x.data.get("changeTime")), file_id=ci.as_int(x.get("FileID", "FileId")),
                          result=ci.as_int(x.get("Result")), file_name=ci.as_str(x.data.get("fileName")),
                          upload_time=as_time(x.data.get("addTime")),
                          conversion_time=as_time(x.data.get("changeTime")))


def _cancellation(x: Push) -> Event:
    return AccountCancelled(**x.common(x.get("CancellationTime")), uid=as_uid(x.get("UID")),
                            cancel_time=as_time(x.get("CancellationTime")),
                            account_status=ci.as_int(x.get("AccountStatus")))


def _phone(x: Push) -> Event:
    return PhoneChanged(**x.common(x.get("ReplaceTime")), uid=as_uid(x.get("UID")),
                        telephone=ci.as_str(x.get("Telephone")), email=ci.as_str(x.get("Email")) or None,
                        change_time=as_time(x.get("ReplaceTime")))


def _sub_account(x: Push) -> Event:
    permissions = ci.as_str(x.get("PermissionList")) or ""
    return SubAccountSet(**x.common(x.get("SetTime")), uid=as_uid(x.get("UID")),
                         telephone=ci.as_str(x.get("Telephone")), email=ci.as_str(x.get("Email")) or None,
                         remark_name=ci.as_str(x.get("RemarkName")),
                         permissions=tuple(p.strip() for p in permissions.split(",") if p.strip()),
                         set_time=as_time(x.get("SetTime")))


PARSERS: dict[int | str, Callable[[Push], Event]] = {
    ci.CMD_TEST: _test, "FileCov": _file_cov, "AccountCancellation": _cancellation,
    "ReplacePhoneNumber": _phone, "setSubAccount": _sub_account,
}
