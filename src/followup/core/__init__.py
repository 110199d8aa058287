"""The pure tracker core: model, state machine, follow-up policy and draft composer.

Everything here is a function of its arguments. It reads no clock, file, mailbox or
database, so a replay of the same events gives the same applications and effects
(issue 5). The shell (service, simulator) feeds events in and carries effects out.
"""
