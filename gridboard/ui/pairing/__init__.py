"""Pairing dialogs: choose a member, pair households or give a place, reassign, grid teams."""
