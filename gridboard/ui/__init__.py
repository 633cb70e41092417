"""The Qt user interface of gridboard; it calls gridboard.models and never writes SQL."""
