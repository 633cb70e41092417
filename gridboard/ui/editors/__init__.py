"""Dialogs that edit the ledger: communities, grids, buildings, rooms, households, residents, members."""
