"""Wellbeing support requests: seen and acknowledged by the force's wellbeing contact, never by PSD reviewers."""
