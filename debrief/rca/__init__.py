"""Root-cause analysis: contributory-factor framework, graph analysis, drawing and checks."""
