"""Qt item models and view-models: lesson state adapted for the views."""
