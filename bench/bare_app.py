"""The yardstick for bench_pages: a bare Flask app with one page, served by the same gunicorn settings."""
from flask import Flask

app = Flask(__name__)


@app.get("/")
def page() -> str:
    return "<!doctype html><title>bare</title><p>bare Flask page</p>"
