"""Accounts: sign-in, sign-out, roles and permissions."""
