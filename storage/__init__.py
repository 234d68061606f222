"""The database and everything on disk: data dir, config with secrets, logs,
the raw-push store with its single writer thread, and history queries."""
