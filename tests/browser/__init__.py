"""Tests in a real browser (Debian's Chromium through Playwright) against the real app."""
