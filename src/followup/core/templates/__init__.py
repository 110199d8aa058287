"""Shipped Jinja2 templates for the drafts; users override them by file name."""
