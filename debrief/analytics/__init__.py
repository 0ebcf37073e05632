"""Analytics: patterns across debriefs, RCAs and the national use-of-force data."""
