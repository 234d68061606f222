"""The user's settings (config.json: schools with their secrets, ports,
alarm and tunnel options, alarm channels) as the window uses them; the store
is storage.config."""
from storage.config import (DEFAULT_TIMEZONE, DEFAULT_VERIFY, PORT_SETTING, VERIFY_POLICIES,  # noqa: F401
                            AlarmChannel, Config, ConfigStore, School)
from storage.logs import mask_url  # noqa: F401  (a channel's URL as the window may show it)
