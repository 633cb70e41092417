"""The members view: every member with their load, a member's page, and the proposals list."""
