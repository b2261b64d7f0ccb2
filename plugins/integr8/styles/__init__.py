"""Stylesheets of the built site: trimming the theme's CSS to what the site's pages use."""
