"""WSGI entry point: `gunicorn wsgi:app`."""
from debrief import create_app

app = create_app()
