"""The user's settings (config.json: schools with their secrets, ports,
alarm and tunnel options) as the window uses them; the store is storage.config."""
from storage.config import (DEFAULT_TIMEZONE, DEFAULT_VERIFY, PORT_SETTING, VERIFY_POLICIES,  # noqa: F401
                            Config, ConfigStore, School)
