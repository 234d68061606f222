"""The alarm domain, Qt-free: what an alarm is (model), the rules that raise and
resolve them (center), the user's alarm settings (config), and keeping them
across restarts (store). The running core (app/) feeds the center; the window,
`serve`, the CLI and chat channels subscribe to it (AlarmCenter.subscribe)."""
