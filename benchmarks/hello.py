"""Flask's "hello world": the framework's own ceiling, served with the site's gunicorn settings."""

from flask import Flask

app = Flask(__name__)


@app.get("/")
def hello():
    return "Hello, world!"
