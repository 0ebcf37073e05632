"""Releasing a signed-off RCA's anonymised findings to the learning team, and the force following them after.

preparation.py (pure) anonymises the sections and applies the reviewer's decisions; service.py stores them and
makes the candidate case study; reviewer_views.py is the release screen, force_views.py the force's side
(/released/); views.register(app) puts both on the app.
"""
