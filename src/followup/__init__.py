"""followup: watches a job seeker's Gmail and drafts well-timed interview follow-ups.

It reads mail and creates drafts; it never sends mail.
"""

__version__ = "0.1.0"
