"""Data and rules of gridboard: schema, migrations, queries and domain rules. Imports no Qt."""
