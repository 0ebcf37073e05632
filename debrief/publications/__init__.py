"""Case studies, magazine issues, the case factor table and the force response log."""
