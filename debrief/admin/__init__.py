"""Force administration: users and the audit log."""
