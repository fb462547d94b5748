"""The HTTP layer: what every answer goes through, whatever the page (caching, security,
rate limits, request logs, error pages, live reload). It builds on core/ and knows no
page of the site; web/ builds on it."""
