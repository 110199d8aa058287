"""Mail that is not about an application: a real inbox is mostly this.

It is in the demo so the viewer sees followup leave it alone (the classifier reads it as
"other"); the story's job mail comes from the simulator's generator instead.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from email.message import EmailMessage
from email.utils import format_datetime


@dataclass(frozen=True, slots=True)
class NoiseMail:
    day: int
    at: time
    sender: str
    subject: str
    body: str
    what: str  # how the narration names it

    def build(self, to: str, when: datetime) -> EmailMessage:
        msg = EmailMessage()
        msg["From"] = self.sender
        msg["To"] = to
        msg["Subject"] = self.subject
        msg["Date"] = format_datetime(when)
        digest = hashlib.sha256(f"{self.day}/{self.subject}".encode()).hexdigest()[:16]
        msg["Message-ID"] = f"<{digest}@{self.sender.rpartition('@')[2].rstrip('>')}>"
        if "newsletter" in self.what or "alert" in self.what:
            msg["List-Unsubscribe"] = "<mailto:unsubscribe@example.org>"
        msg.set_content(self.body)
        return msg

    def moment(self, start: datetime) -> datetime:
        day = start.date() + timedelta(days=self.day)
        return datetime.combine(day, self.at, tzinfo=start.tzinfo)


NOISE: tuple[NoiseMail, ...] = (
    NoiseMail(
        -3,
        time(7, 30),
        "The Analytics Weekly <digest@analyticsweekly.example>",
        "This week: dashboards that people actually read",
        "Hello,\n\nIn this issue: five dashboard layouts, a SQL puzzle, and our reader survey.\n"
        "\nRead online at analyticsweekly.example/142\n\nYou receive this because you "
        "subscribed. Unsubscribe at any time.\n",
        "a newsletter",
    ),
    NoiseMail(
        -1,
        time(18, 0),
        "JobBoard Alerts <alerts@jobboard.example>",
        "12 new jobs for 'data analyst' near London",
        "New jobs matching your alert 'data analyst':\n\n- Junior Data Analyst, Harbourline\n"
        "- Data Analyst (Finance), Cobalt Bank\n- Analytics Engineer, Nimbus Retail\n\n"
        "See all 12 jobs on jobboard.example. Manage your alerts in your settings.\n",
        "a job alert",
    ),
    NoiseMail(
        5,
        time(18, 20),
        "Alex Morgan <alex.morgan@example.org>",
        "Dinner on Saturday?",
        "Hey Sam,\n\nWe're doing dinner at ours on Saturday around 7. Can you make it? "
        "Bring nothing but yourself.\n\nAlex\n",
        "a friend's mail",
    ),
    NoiseMail(
        8,
        time(12, 40),
        "Shoply <orders@shoply.example>",
        "Your order #48213 has shipped",
        "Good news! Your order #48213 (1 item) is on its way and should arrive on Thursday.\n"
        "\nTrack your parcel at shoply.example/track/48213\n",
        "an order receipt",
    ),
)
