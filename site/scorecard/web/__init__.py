"""The web layer: the pages, files and API the site answers with, under /<lang>/ and beside
it. Views are thin: they look things up in the request's edition (http/current.py) or
ask core/ for data, and hand it to a template."""
