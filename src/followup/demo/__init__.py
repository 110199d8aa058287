"""`make demo`: three weeks of a job search, played against a real emulator in under a minute.

The demo is a composition root like the CLI: it starts the Gmail emulator as a child process,
connects through the real OAuth flow, and runs the watcher's poll cycle while it moves the
emulator's clock, checking every milestone in the mailbox itself (docs/demo.md).
"""
