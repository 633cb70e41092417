"""Printed sheets: the A4 layout engine (`layout`) and the documents gridboard prints (`documents`)."""
