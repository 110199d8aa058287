"""Google's published Python samples for the Gmail API, run against the emulator.

The bodies below are the samples from googleworkspace/python-samples (gmail/
quickstart, snippet/send mail, snippet/thread) with only two changes, as the
issue allows: credentials come from the emulator and ``build`` gets
``client_options={"api_endpoint": URL}``. Everything else is the samples' code.
"""

from __future__ import annotations

import base64
import mimetypes
from email.message import EmailMessage
from typing import Any

from emu_helpers import rfc822
from googleapiclient.discovery import build
from googleapiclient.errors import HttpError


def quickstart_main(creds: Any, endpoint: str) -> list[str]:
    """gmail/quickstart/quickstart.py: lists the user's labels."""
    printed: list[str] = []
    try:
        # Call the Gmail API
        service = build("gmail", "v1", credentials=creds, client_options={"api_endpoint": endpoint})
        results = service.users().labels().list(userId="me").execute()
        labels = results.get("labels", [])

        if not labels:
            printed.append("No labels found.")
            return printed
        printed.append("Labels:")
        for label in labels:
            printed.append(label["name"])

    except HttpError as error:
        # TODO(developer) - Handle errors from gmail API.
        printed.append(f"An error occurred: {error}")
    return printed


def gmail_create_draft(creds: Any, endpoint: str) -> Any:
    """gmail/snippet/send mail/create_draft.py."""
    try:
        # create gmail api client
        service = build("gmail", "v1", credentials=creds, client_options={"api_endpoint": endpoint})

        message = EmailMessage()

        message.set_content("This is automated draft mail")

        message["To"] = "gduser1@workspacesamples.dev"
        message["From"] = "gduser2@workspacesamples.dev"
        message["Subject"] = "Automated draft"

        # encoded message
        encoded_message = base64.urlsafe_b64encode(message.as_bytes()).decode()

        create_message = {"message": {"raw": encoded_message}}
        # pylint: disable=E1101
        draft = service.users().drafts().create(userId="me", body=create_message).execute()

        print(f"Draft id: {draft['id']}\nDraft message: {draft['message']}")

    except HttpError as error:
        print(f"An error occurred: {error}")
        draft = None

    return draft


def gmail_create_draft_with_attachment(creds: Any, endpoint: str, attachment: str) -> Any:
    """gmail/snippet/send mail/create_draft_with_attachment.py."""
    try:
        # create gmail api client
        service = build("gmail", "v1", credentials=creds, client_options={"api_endpoint": endpoint})
        mime_message = EmailMessage()

        # headers
        mime_message["To"] = "gduser1@workspacesamples.dev"
        mime_message["From"] = "gduser2@workspacesamples.dev"
        mime_message["Subject"] = "sample with attachment"

        # text
        mime_message.set_content("Hi, this is automated mail with attachment.Please do not reply.")

        # attachment
        attachment_filename = attachment
        # guessing the MIME type
        type_subtype, _ = mimetypes.guess_type(attachment_filename)
        maintype, subtype = type_subtype.split("/")

        with open(attachment_filename, "rb") as fp:
            attachment_data = fp.read()
        mime_message.add_attachment(attachment_data, maintype, subtype)

        encoded_message = base64.urlsafe_b64encode(mime_message.as_bytes()).decode()

        create_draft_request_body = {"message": {"raw": encoded_message}}
        # pylint: disable=E1101
        draft = (
            service.users().drafts().create(userId="me", body=create_draft_request_body).execute()
        )
        print(f"Draft id: {draft['id']}\nDraft message: {draft['message']}")
    except HttpError as error:
        print(f"An error occurred: {error}")
        draft = None
    return draft


def gmail_send_message(creds: Any, endpoint: str) -> Any:
    """gmail/snippet/send mail/send_message.py."""
    try:
        service = build("gmail", "v1", credentials=creds, client_options={"api_endpoint": endpoint})
        message = EmailMessage()

        message.set_content("This is automated draft mail")

        message["To"] = "gduser1@workspacesamples.dev"
        message["From"] = "gduser2@workspacesamples.dev"
        message["Subject"] = "Automated draft"

        # encoded message
        encoded_message = base64.urlsafe_b64encode(message.as_bytes()).decode()

        create_message = {"raw": encoded_message}
        # pylint: disable=E1101
        send_message = service.users().messages().send(userId="me", body=create_message).execute()
        print(f"Message Id: {send_message['id']}")
    except HttpError as error:
        print(f"An error occurred: {error}")
        send_message = None
    return send_message


def show_chatty_threads(creds: Any, endpoint: str) -> list[str]:
    """gmail/snippet/thread/threads.py: threads with more than two messages."""
    printed: list[str] = []
    try:
        # create gmail api client
        service = build("gmail", "v1", credentials=creds, client_options={"api_endpoint": endpoint})

        # pylint: disable=maybe-no-member
        # pylint: disable:R1710
        threads = service.users().threads().list(userId="me").execute().get("threads", [])
        for thread in threads:
            tdata = service.users().threads().get(userId="me", id=thread["id"]).execute()
            nmsgs = len(tdata["messages"])

            # skip if <3 msgs in thread
            if nmsgs > 2:
                msg = tdata["messages"][0]["payload"]
                subject = ""
                for header in msg["headers"]:
                    if header["name"] == "Subject":
                        subject = header["value"]
                        break
                if subject:  # skip if no Subject line
                    printed.append(f"- {subject}, {nmsgs}")
        return printed

    except HttpError as error:
        printed.append(f"An error occurred: {error}")
        return printed


def _creds(mailbox: Any) -> Any:
    from google.oauth2.credentials import Credentials

    return Credentials(token=mailbox.access_token)


def test_quickstart_lists_labels(mailbox: Any) -> None:
    printed = quickstart_main(_creds(mailbox), mailbox.url)
    assert printed[0] == "Labels:"
    assert "INBOX" in printed


def test_create_draft_sample(mailbox: Any) -> None:
    draft = gmail_create_draft(_creds(mailbox), mailbox.url)
    assert draft is not None
    assert draft["message"]["labelIds"] == ["DRAFT"]


def test_create_draft_with_attachment_sample(mailbox: Any, tmp_path: Any) -> None:
    attachment = tmp_path / "notes.txt"
    attachment.write_text("interview notes")
    draft = gmail_create_draft_with_attachment(_creds(mailbox), mailbox.url, str(attachment))
    assert draft is not None
    full = mailbox.service.users().drafts().get(userId="me", id=draft["id"]).execute()
    payload = full["message"]["payload"]
    assert payload["mimeType"] == "multipart/mixed"
    assert [p["mimeType"] for p in payload["parts"]] == ["text/plain", "text/plain"]


def test_send_message_sample(mailbox: Any) -> None:
    sent = gmail_send_message(_creds(mailbox), mailbox.url)
    assert sent is not None
    assert "SENT" in sent["labelIds"]


def test_threads_sample_finds_chatty_threads(mailbox: Any) -> None:
    first = mailbox.admin.deliver(
        mailbox.email, rfc822(subject="Onsite", extra={"Message-ID": "<t1@acme.example>"})
    )
    for n in range(2):  # two replies make a thread of three
        mailbox.admin.deliver(
            mailbox.email,
            rfc822(
                subject="Re: Onsite",
                extra={
                    "In-Reply-To": "<t1@acme.example>",
                    "References": "<t1@acme.example>",
                    "Message-ID": f"<t{n + 2}@acme.example>",
                },
            ),
        )
    printed = show_chatty_threads(_creds(mailbox), mailbox.url)
    assert printed == ["- Onsite, 3"]
    assert first["threadId"]
