"""PSD reviewers: the queue of submitted incidents of their force, and each incident's debriefs side by side."""
