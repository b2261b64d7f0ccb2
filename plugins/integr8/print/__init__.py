"""Printing: where packs and their PDFs live on the site, and rendering PDFs with headless Chromium.

``links`` holds the URL conventions the pages and the PDF command share. ``jobs`` lists the PDFs
of a project; ``server`` and ``render`` make them from a built site. Only ``render`` needs
Playwright, and it imports it when called, so the core and ``integr8 validate`` never need it.
``qr`` makes the QR codes of pack covers (segno's codes, faster), importing segno when called.
"""
