"""Home pages per role, and the health check."""
