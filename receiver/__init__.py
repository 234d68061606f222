"""The HTTP side: the aiohttp receiver for ClassIn pushes and Gensee callbacks,
plain asyncio (the app runs it on qasync, `serve` on the stock loop)."""
