"""The MkDocs adapter: plugin events in, core calls out."""
