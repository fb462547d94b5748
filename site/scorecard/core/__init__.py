"""The site's data and rules, with no HTTP in them: content and its edition, search,
comments and editors. Nothing here reads a request, `g` or a template; the layers above
(http/, web/, cli/) import from here, never the other way round."""
