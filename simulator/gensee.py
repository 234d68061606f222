"""A simulated Gensee webcast calling a receiver over real HTTP, as Gensee and
its viewers' browsers do (gensee.md): status GETs (101/102/103, joins, 107
leaves, a few 110 abnormal leaves, 104 pause and resume, 106, 105 at the
end), web and client Q&A, roll-call and end pages, a courseware VOD watched.

Nothing is signed and nothing is retried (Gensee has no ack rule): a call
that fails is lost, as in real life. Runs until `stop` is set; one "class"
lasts `lesson_seconds`, then the next one starts in the same room.
"""
from __future__ import annotations

import asyncio
import time
import random
from html import escape
from urllib.parse import urlencode

import aiohttp

from protocol import gensee as g

FIRST_NAMES = ("陈小雨", "王浩然", "李思琪", "张子涵", "刘一鸣", "Lena P", "Tomás R", "Aiko M", "赵欣怡", "孙宇轩",
               "周梓萱", "吴俊杰", "郑雅琪", "Noah K", "黄嘉怡", "林子轩")
QUESTIONS = ("老师，影子为什么下午更长？", "Could you repeat the last example?", "这道题的第二步没听懂",
             "Is the homework due on Friday?", "声音有点卡，是我的网络问题吗？", "What page are we on?")
ANSWERS = ("Because the sun is lower in the sky.", "好的，我们再讲一遍。", "Yes, Friday 18:00.", "请刷新一下页面试试。")


class GenseeRoom:
    """One simulated webcast room; `base` is the receiver's Gensee URL
    (http://HOST:PORT/gensee/TOKEN)."""

    def __init__(self, base: str, *, class_no: str | None = None, viewers: int = 12, seed: int | None = None,
                 lesson_seconds: float = 1800, step_seconds: float = 2.0):
        self.base = base.rstrip("/")
        self.rng = random.Random(seed)
        self.class_no = class_no or "%032x" % self.rng.getrandbits(128)
        self.vod = "%032x" % self.rng.getrandbits(128)
        self.organizer = str(2718200000 + self.rng.randrange(10_000))
        self.viewers = {str(2718300000 + n): FIRST_NAMES[n % len(FIRST_NAMES)] for n in range(viewers)}
        self.lesson_seconds = lesson_seconds
        self.step = step_seconds
        self.inside: set[str] = set()
        self.calls = 0
        self.lessons_done = 0

    async def _get(self, session: aiohttp.ClientSession, endpoint: str, **params: object) -> None:
        try:
            async with session.get(f"{self.base}/{endpoint}?{urlencode(params)}") as resp:
                await resp.read()
            self.calls += 1
        except (aiohttp.ClientError, asyncio.TimeoutError):
            pass      # Gensee does not retry: the call is lost

    async def _post(self, session: aiohttp.ClientSession, endpoint: str, **kw: object) -> None:
        try:
            async with session.post(f"{self.base}/{endpoint}", **kw) as resp:
                await resp.read()
            self.calls += 1
        except (aiohttp.ClientError, asyncio.TimeoutError):
            pass

    async def _event(self, session, action: int, operator: str = "0") -> None:
        await self._get(session, "event", ClassNo=self.class_no, Operator=operator, Action=action,
                        Affected=operator, totalusernum=len(self.inside) + 1)

    async def _question(self, session, uid: str) -> None:
        text = self.rng.choice(QUESTIONS)
        if self.rng.random() < 0.5:       # a web viewer: every question is posted
            await self._post(session, "qa-web", data={"userid": uid, "name": self.viewers[uid], "question": text,
                                                      "webcastid": self.class_no})
            return
        qid = "%08x-0000-4000-8000-%012x" % (self.rng.getrandbits(32), self.rng.getrandbits(48))
        answer = ""
        if self.rng.random() < 0.6:       # the client posts published or answered questions only
            answer = '<answer id="a-{}" time="{}" uid="{}" uname="Teacher">{}</answer>'.format(
                qid, int(time.time()), self.organizer, escape(self.rng.choice(ANSWERS)))
        body = ('<?xml version="1.0" encoding="utf-8" ?>\n<webcast id="{}">\n<question id="{}" uid="{}" uname="{}">'
                '{}{}</question>\n</webcast>').format(self.class_no, qid, uid, escape(self.viewers[uid]),
                                                     escape(text), answer)
        await self._post(session, "qa", data=body.encode("utf-8"), headers={"Content-Type": "text/xml"})

    async def _lesson(self, session, stop: asyncio.Event) -> None:
        await self._event(session, g.USER_JOINED, self.organizer)
        await self._event(session, g.MEETING_CREATED)
        await self._event(session, g.STARTED)
        steps = int(self.lesson_seconds / self.step)
        paused = False
        for n in range(steps):
            if stop.is_set():
                return
            r = self.rng.random()
            outside = [u for u in self.viewers if u not in self.inside]
            if outside and (r < 0.35 or n < len(self.viewers) // 2):
                uid = self.rng.choice(outside)
                self.inside.add(uid)
                await self._event(session, g.USER_JOINED, uid)
            elif self.inside and r < 0.45:
                uid = self.rng.choice(sorted(self.inside))
                self.inside.discard(uid)
                abnormal = self.rng.random() < 0.3
                await self._event(session, g.ABNORMAL_LEAVE if abnormal else g.LEFT, uid)
                if not abnormal:
                    await self._get(session, "end", userid=uid, confid=self.class_no, username=self.viewers[uid])
            elif self.inside and r < 0.6:
                await self._question(session, self.rng.choice(sorted(self.inside)))
            elif self.inside and r < 0.7:
                await self._get(session, "rollcall", userid=self.rng.choice(sorted(self.inside)),
                                webcastid=self.class_no)
            elif r < 0.75:
                uid = self.rng.choice(list(self.viewers))
                await self._get(session, "vod", ClassNo=self.vod, Operator=uid, Action=g.VOD_STARTED,
                                totalusernum=self.rng.randrange(1, 5))
                await self._get(session, "vod", ClassNo=self.vod, Operator=uid, Action=g.VOD_ENDED,
                                totalusernum=self.rng.randrange(0, 4))
            elif r < 0.77 and not paused:
                paused = True
                await self._event(session, g.PAUSED)
            elif paused and r < 0.85:
                paused = False
                await self._event(session, g.STARTED)
            try:
                await asyncio.wait_for(stop.wait(), self.step)
            except asyncio.TimeoutError:
                pass
        for uid in sorted(self.inside):
            await self._event(session, g.LEFT, uid)
        self.inside.clear()
        await self._event(session, g.RECORDING_PRODUCED)
        await self._event(session, g.STOPPED, self.organizer)
        self.lessons_done += 1

    async def run(self, stop: asyncio.Event) -> int:
        """Classes in this room until `stop`; returns the calls answered."""
        timeout = aiohttp.ClientTimeout(total=10)
        async with aiohttp.ClientSession(timeout=timeout) as session:
            while not stop.is_set():
                await self._lesson(session, stop)
        return self.calls
