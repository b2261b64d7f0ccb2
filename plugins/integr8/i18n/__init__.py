"""Languages of the site: interface strings, text direction, translation status."""
