"""Typed keys for what route handlers find on the aiohttp application."""
from aiohttp import web

RECEIVER: web.AppKey = web.AppKey("receiver")
