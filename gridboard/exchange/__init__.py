"""Excel and CSV in and out: reading office ledgers, recognising their columns, importing, exporting."""
