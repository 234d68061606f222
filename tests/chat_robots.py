"""A local HTTP server playing each chat robot (WeCom, DingTalk, Feishu/Lark,
Slack, a generic webhook) as their published documentation describes them:
it checks each request's shape and signature with its own implementation of
the published algorithm, and answers like the robot (HTTP 200 with an error
code inside for the Chinese robots)."""
from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import json
import time
from dataclasses import dataclass, field

from aiohttp import web

WECOM_KEY = "693a91f6-7a3c-4bc4-97a0-0ec2b1fa5aaa"
DINGTALK_TOKEN = "c0ffee0123456789abcdef0123456789abcdef0123456789abcdef0123456789"
DINGTALK_SECRET = "SEC4b1d2f0e9c8a7b6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1"
FEISHU_HOOK = "2f7a1c3e-5b6d-4e8f-9a0b-1c2d3e4f5a6b"
FEISHU_SECRET = "lkjhGFDSa0987mnbvcxz"
WEBHOOK_SECRET = "whsec-7d1f0c2b9a8e4f3d"
SLACK_PATH = "T01ABCDEF/B02GHIJKL/abcdefghijklmnopqrstuvwx"


def dingtalk_expected_sign(timestamp: str, secret: str) -> str:
    # DingTalk's documentation (Python sample): hmac(secret, "timestamp\nsecret"), base64, then urlencode.
    string_to_sign = "{}\n{}".format(timestamp, secret)
    code = hmac.new(secret.encode("utf-8"), string_to_sign.encode("utf-8"), digestmod=hashlib.sha256).digest()
    return base64.b64encode(code).decode()


def feishu_expected_sign(timestamp: str, secret: str) -> str:
    # Feishu's documentation (Python sample): the string "timestamp\nsecret" is the KEY, the message is empty.
    string_to_sign = "{}\n{}".format(timestamp, secret)
    code = hmac.new(string_to_sign.encode("utf-8"), digestmod=hashlib.sha256).digest()
    return base64.b64encode(code).decode("utf-8")


@dataclass
class Received:
    kind: str
    path: str
    query: dict
    raw_query: str
    body: dict
    raw: bytes
    headers: dict
    at: float
    accepted: bool
    error: str = ""


@dataclass
class ChatRobots:
    """`fail[kind] = n`: the next n requests of that kind get the robot's
    rate-limit error (HTTP 200, error code inside); kinds in `hanging` never answer."""
    received: list[Received] = field(default_factory=list)
    fail: dict[str, int] = field(default_factory=dict)
    hanging: set = field(default_factory=set)
    url: str = ""
    waiting: int = 0     # requests held by hanging robots
    runner: web.AppRunner | None = None

    def of(self, kind: str, accepted: bool | None = True) -> list[Received]:
        return [r for r in self.received if r.kind == kind and (accepted is None or r.accepted == accepted)]

    def urls(self) -> dict[str, str]:
        return {"wecom": f"{self.url}/cgi-bin/webhook/send?key={WECOM_KEY}",
                "dingtalk": f"{self.url}/robot/send?access_token={DINGTALK_TOKEN}",
                "feishu": f"{self.url}/open-apis/bot/v2/hook/{FEISHU_HOOK}",
                "slack": f"{self.url}/services/{SLACK_PATH}",
                "webhook": f"{self.url}/hooks/classwatch"}

    def secrets(self) -> dict[str, str]:
        return {"dingtalk": DINGTALK_SECRET, "feishu": FEISHU_SECRET, "webhook": WEBHOOK_SECRET}

    async def start(self) -> str:
        self._released = asyncio.Event()
        app = web.Application()
        app.router.add_post("/cgi-bin/webhook/send", self.wecom)
        app.router.add_post("/robot/send", self.dingtalk)
        app.router.add_post("/open-apis/bot/v2/hook/{hook}", self.feishu)
        app.router.add_post("/services/{a}/{b}/{c}", self.slack)
        app.router.add_post("/hooks/classwatch", self.webhook)
        self.runner = web.AppRunner(app)
        await self.runner.setup()
        site = web.TCPSite(self.runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]
        self.url = f"http://127.0.0.1:{port}"
        return self.url

    async def stop(self) -> None:
        if self.runner is not None:
            self._released.set()
            await self.runner.cleanup()

    async def _take(self, kind: str, request: web.Request) -> tuple[Received, dict | None]:
        raw = await request.read()
        if kind in self.hanging:
            self.waiting += 1
            await self._released.wait()
        try:
            body = json.loads(raw.decode("utf-8"))
        except ValueError:
            body = None
        record = Received(kind, request.path, dict(request.query), request.rel_url.raw_query_string,
                          body if isinstance(body, dict) else {}, raw, dict(request.headers), time.time(), False)
        self.received.append(record)
        return record, body

    def _failing(self, kind: str) -> bool:
        if self.fail.get(kind, 0) > 0:
            self.fail[kind] -= 1
            return True
        return False

    @staticmethod
    def _refuse(record: Received, error: str) -> None:
        record.accepted, record.error = False, error

    async def wecom(self, request: web.Request) -> web.Response:
        record, body = await self._take("wecom", request)
        if request.query.get("key") != WECOM_KEY:
            self._refuse(record, "key")
            return web.json_response({"errcode": 93000, "errmsg": "invalid webhook url"})
        ok = (isinstance(body, dict) and body.get("msgtype") == "markdown"
              and isinstance(body.get("markdown"), dict) and isinstance(body["markdown"].get("content"), str)
              and len(body["markdown"]["content"].encode("utf-8")) <= 4096)
        if not ok:
            self._refuse(record, "shape")
            return web.json_response({"errcode": 40008, "errmsg": "invalid message type"})
        if self._failing("wecom"):
            self._refuse(record, "rate")
            return web.json_response({"errcode": 45009, "errmsg": "api freq out of limit"})
        record.accepted = True
        return web.json_response({"errcode": 0, "errmsg": "ok"})

    async def dingtalk(self, request: web.Request) -> web.Response:
        record, body = await self._take("dingtalk", request)
        q = request.query
        if q.get("access_token") != DINGTALK_TOKEN:
            self._refuse(record, "token")
            return web.json_response({"errcode": 300001, "errmsg": "token is not exist"})
        timestamp, sign = q.get("timestamp", ""), q.get("sign", "")
        if (not timestamp.isdigit() or abs(int(timestamp) - time.time() * 1000) > 3600 * 1000
                or not hmac.compare_digest(sign, dingtalk_expected_sign(timestamp, DINGTALK_SECRET))):
            self._refuse(record, "sign")
            return web.json_response({"errcode": 310000, "errmsg": "sign not match, more: [...]"})
        md = body.get("markdown") if isinstance(body, dict) else None
        if not (body.get("msgtype") == "markdown" and isinstance(md, dict)
                and isinstance(md.get("title"), str) and isinstance(md.get("text"), str)):
            self._refuse(record, "shape")
            return web.json_response({"errcode": 40035, "errmsg": "缺少参数 markdown"})
        if self._failing("dingtalk"):
            self._refuse(record, "rate")
            return web.json_response({"errcode": 130101, "errmsg": "send too fast, exceed 20 times per minute"})
        record.accepted = True
        return web.json_response({"errcode": 0, "errmsg": "ok"})

    async def feishu(self, request: web.Request) -> web.Response:
        record, body = await self._take("feishu", request)
        if request.match_info["hook"] != FEISHU_HOOK:
            self._refuse(record, "hook")
            return web.json_response({"code": 19001, "msg": "param invalid: incoming webhook access token invalid"})
        timestamp = str((body or {}).get("timestamp", ""))
        if (not timestamp.isdigit() or abs(int(timestamp) - time.time()) > 3600
                or not hmac.compare_digest(str(body.get("sign", "")), feishu_expected_sign(timestamp, FEISHU_SECRET))):
            self._refuse(record, "sign")
            return web.json_response({"code": 19021, "msg": "sign match fail or timestamp is not within one hour from current time"})
        content = body.get("content")
        if not (body.get("msg_type") == "text" and isinstance(content, dict) and isinstance(content.get("text"), str)):
            self._refuse(record, "shape")
            return web.json_response({"code": 9499, "msg": "Bad Request"})
        if self._failing("feishu"):
            self._refuse(record, "rate")
            return web.json_response({"code": 11232, "msg": "frequency limited psm"})
        record.accepted = True
        return web.json_response({"code": 0, "msg": "success", "data": {}})

    async def slack(self, request: web.Request) -> web.Response:
        record, body = await self._take("slack", request)
        if "/".join(request.match_info[k] for k in "abc") != SLACK_PATH:
            self._refuse(record, "path")
            return web.Response(status=403, text="invalid_token")
        if not (isinstance(body, dict) and isinstance(body.get("text"), str) and body["text"]):
            self._refuse(record, "shape")
            return web.Response(status=400, text="invalid_payload")
        if self._failing("slack"):
            self._refuse(record, "rate")
            return web.Response(status=429, text="rate_limited")
        record.accepted = True
        return web.Response(text="ok")

    async def webhook(self, request: web.Request) -> web.Response:
        record, body = await self._take("webhook", request)
        # The receiving end of a signed webhook, as its README would tell a team to write it.
        timestamp = request.headers.get("X-ClassWatch-Timestamp", "")
        signed = "X-ClassWatch-Signature" in request.headers    # a channel without a secret signs nothing
        expected = "sha256=" + hmac.new(WEBHOOK_SECRET.encode(), f"{timestamp}.".encode() + record.raw,
                                        hashlib.sha256).hexdigest()
        if signed and not (timestamp.isdigit() and abs(int(timestamp) - time.time()) < 300
                and hmac.compare_digest(request.headers.get("X-ClassWatch-Signature", ""), expected)):
            self._refuse(record, "sign")
            return web.Response(status=401, text="bad signature")
        if not isinstance(body, dict):
            self._refuse(record, "shape")
            return web.Response(status=400, text="not json")
        if self._failing("webhook"):
            self._refuse(record, "rate")
            return web.Response(status=503, text="busy")
        record.accepted = True
        return web.json_response({"ok": True})
