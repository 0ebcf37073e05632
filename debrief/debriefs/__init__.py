"""Guided debriefs: officers and staff record incidents and near-misses."""
