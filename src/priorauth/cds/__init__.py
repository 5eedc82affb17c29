"""CDS Hooks 2.0 service in the style of Da Vinci CRD: a card at order-select / order-sign time saying
what the PA will need and what is already documented.

``hooks.handle()`` is pure (prefetch in, cards out); ``http.router()`` exposes it over HTTP with JWT
trust (``trust.py``). See docs/cds-hooks.md.
"""
