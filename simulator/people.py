"""The simulated school's people: names, UIDs, accounts, devices, habits.

Everything is drawn from one random.Random so a seed reproduces the day.
"""
from __future__ import annotations

import random
from dataclasses import dataclass

_SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何林高罗"
_GIVEN = ("小明", "华", "伟", "洋", "静", "帆", "敏", "磊", "杰", "婷", "晨", "悦",
          "超", "琳", "博", "佳", "欣", "晓东", "远", "子涵", "雨桐", "浩然", "思琪", "一诺")
_FIRST = ("Emily", "Liam", "Sofia", "Noah", "Ava", "Lucas", "Mia", "Ethan", "Chloe",
          "Oliver", "Zoe", "Daniel", "Hannah", "Mateo", "Aiko", "Priya", "Jonas", "Lena")
_LAST = ("Carter", "O'Brien", "Rossi", "Kim", "Nguyen", "Müller", "Hernández", "Brown",
         "Dubois", "Smith", "Chen", "Park", "Mori", "Reyes", "Patel", "Novak", "Silva")

# Student devices, weighted towards what online schools see: PCs, iPads, phones.
_STUDENT_DEVICES = (0, 0, 0, 9, 2, 2, 4, 4, 5, 1)
# Device (enter message) -> DeviceType (Check/UserCheck): two different enums.
DEVICE_TYPE_OF = {0: 1, 9: 1, 1: 2, 2: 3, 4: 4, 5: 5}
MOBILE_DEVICES = frozenset({1, 2, 4, 5})


@dataclass(frozen=True)
class Person:
    uid: int
    name: str
    identity: int          # ClassIn Identity: 1 student, 2 auditor, 3 teacher, 4 co-teacher
    device: int            # ClassIn Device of the primary client
    mobile: str
    email: str
    network: str           # "good", "wifi" (flaky home Wi-Fi) or "bad"
    cpu: str               # "low" or "busy"


class Directory:
    """Hands out unique names, UIDs and phone numbers for one simulated day."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._names: set[str] = set()
        self._next_uid = rng.randint(41_000_000, 48_000_000)
        self._next_phone = rng.randint(0, 999)

    def uid(self) -> int:
        self._next_uid += self._rng.randint(3, 97)
        return self._next_uid

    def name(self) -> str:
        rng = self._rng
        while True:
            if rng.random() < 0.6:
                name = rng.choice(_SURNAMES) + rng.choice(_GIVEN)
            else:
                name = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
            if name not in self._names:
                self._names.add(name)
                return name

    def person(self, identity: int) -> Person:
        rng = self._rng
        uid = self.uid()
        by_email = rng.random() < 0.15
        self._next_phone = (self._next_phone + rng.randint(1, 7)) % 1000
        if identity in (3, 4):
            device, network, cpu = rng.choice((0, 0, 9)), "good", "low"
        elif identity == 2:
            device, network, cpu = 3, "good", "low"      # auditors watch in the web client
        else:
            device = rng.choice(_STUDENT_DEVICES)
            network = rng.choices(("good", "wifi", "bad"), weights=(70, 20, 10))[0]
            cpu = "busy" if rng.random() < 0.15 else "low"
        return Person(
            uid=uid, name=self.name(), identity=identity, device=device,
            mobile="" if by_email else f"0044-7700900{self._next_phone:03d}",
            email=f"user{uid}@example.org" if by_email else "",
            network=network, cpu=cpu,
        )
