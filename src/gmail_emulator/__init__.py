"""A local stand-in for the Gmail API v1, so followup can be run and tested with no Google account.

The package never imports ``followup``: it is a separate program that happens to live here.
"""
