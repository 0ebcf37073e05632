"""The national use-of-force data: reading, checking and importing the Home Office CSV, and a synthetic generator."""
