"""The PySide6 window. Views show and command; they read view-models fed by
the Qt-free core (app/), and never query SQLite on the UI thread."""
