"""The payload tree Gmail builds from raw bytes, attachments, and malformed mail."""

from __future__ import annotations

import base64
import json

import pytest
from backend_support import ME, Api, b64, unb64
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gmail_emulator.backend import Backend
from gmail_emulator.clock import Clock
from gmail_emulator.errors import ApiError
from gmail_emulator.mime import (
    b64url_decode,
    decode_header_value,
    header_block,
    make_snippet,
    parse,
)

PDF = b"%PDF-1.4 fake pdf bytes \x00\x01\x02"
NESTED = (
    b"From: Ann <ann@acme.example>\r\n"
    b"To: me@example.com\r\n"
    b"Subject: =?UTF-8?B?SW50ZXJ2aWV3IOKAkyBuZXh0IHN0ZXBz?=\r\n"
    b"MIME-Version: 1.0\r\n"
    b'Content-Type: multipart/mixed; boundary="outer"\r\n'
    b"\r\n"
    b"preamble\r\n"
    b"--outer\r\n"
    b'Content-Type: multipart/alternative; boundary="inner"\r\n'
    b"\r\n"
    b"--inner\r\n"
    b"Content-Type: text/plain; charset=utf-8\r\n"
    b"Content-Transfer-Encoding: quoted-printable\r\n"
    b"\r\n"
    b"Caf=C3=A9 at 10am =E2=80=93 bring your CV.\r\n"
    b"--inner\r\n"
    b"Content-Type: text/html; charset=utf-8\r\n"
    b"\r\n"
    b"<p>Caf&eacute; at <b>10am</b></p>\r\n"
    b"--inner--\r\n"
    b"--outer\r\n"
    b'Content-Type: application/pdf; name="brief.pdf"\r\n'
    b'Content-Disposition: attachment; filename="brief.pdf"\r\n'
    b"Content-Transfer-Encoding: base64\r\n"
    b"\r\n" + base64.b64encode(PDF) + b"\r\n"
    b"--outer--\r\n"
)


def insert(api: Api, raw: bytes) -> str:
    return str(api("messages.insert", {"raw": b64(raw)})["id"])


def test_nested_multipart_tree_has_gmail_part_ids_and_bodies(api: Api) -> None:
    msg = api("messages.get", id=insert(api, NESTED))
    top = msg["payload"]
    assert (top["partId"], top["mimeType"], top["body"]) == ("", "multipart/mixed", {"size": 0})
    alternative, attachment = top["parts"]
    assert alternative["partId"] == "0"
    assert [p["partId"] for p in alternative["parts"]] == ["0.0", "0.1"]
    plain, html = alternative["parts"]
    text = "Café at 10am – bring your CV."  # the CRLF before a boundary belongs to it
    assert unb64(plain["body"]["data"]).decode() == text
    assert plain["body"]["size"] == len(text.encode())
    assert html["mimeType"] == "text/html"
    assert attachment["partId"] == "1"
    assert attachment["filename"] == "brief.pdf"
    assert set(attachment["body"]) == {"attachmentId", "size"}
    assert attachment["body"]["size"] == len(PDF)


def test_headers_are_kept_in_order_and_encoded_words_decoded(api: Api) -> None:
    top = api("messages.get", id=insert(api, NESTED))["payload"]
    names = [h["name"] for h in top["headers"]]
    assert names == ["From", "To", "Subject", "MIME-Version", "Content-Type"]
    assert top["headers"][2]["value"] == "Interview – next steps"


def test_attachment_round_trips_through_attachments_get(api: Api) -> None:
    msg_id = insert(api, NESTED)
    body = api("messages.get", id=msg_id)["payload"]["parts"][1]["body"]
    got = api("messages.attachments.get", messageId=msg_id, id=body["attachmentId"])
    assert got["size"] == len(PDF)
    assert unb64(got["data"]) == PDF
    assert "=" not in got["data"]


def test_attachments_get_with_a_bad_id_or_message_fails(api: Api) -> None:
    msg_id = insert(api, NESTED)
    with pytest.raises(ApiError) as err:
        api("messages.attachments.get", messageId=msg_id, id="nonsense")
    assert err.value.code == 400
    with pytest.raises(ApiError) as err:
        api("messages.attachments.get", messageId="0" * 16, id="x")
    assert err.value.code == 404


def test_snippet_prefers_plain_text_and_is_html_escaped() -> None:
    parsed = parse(NESTED)
    assert parsed.snippet == "Café at 10am – bring your CV."
    assert parsed.has_attachment
    assert parsed.filenames == ("brief.pdf",)


def test_html_only_message_snippet_is_the_visible_text() -> None:
    raw = (
        b"Subject: x\r\nContent-Type: text/html\r\n\r\n"
        b"<html><head><style>p{}</style></head><body><p>Tom &amp; Jerry</p></body></html>"
    )
    assert parse(raw).snippet == "Tom &amp; Jerry"


def test_snippet_is_about_two_hundred_characters() -> None:
    snippet = make_snippet("word " * 100)
    assert 100 < len(snippet) <= 200
    assert not snippet.endswith(" ")


def test_header_decoding_survives_bad_encoded_words_and_8bit_bytes() -> None:
    assert decode_header_value("=?bogus-charset?Q?abc?=") == "=?bogus-charset?Q?abc?="
    raw = b"Subject: caf\xe9 \xff\r\n\r\nbody"
    subject = parse(raw).payload["headers"][0]["value"]
    json.dumps(subject).encode("utf-8")


def test_base64url_decoding_is_lenient_about_padding_and_alphabet() -> None:
    assert b64url_decode("aGk") == b"hi"
    assert b64url_decode("aGk=") == b"hi"
    assert b64url_decode("-_8") == b64url_decode("+/8")


MALFORMED = [
    b"no headers at all, just text",
    b'Subject: x\r\nContent-Type: multipart/mixed; boundary="never"\r\n\r\nno parts',
    b"Content-Type: multipart/alternative\r\n\r\n--\r\n--",
    b"Content-Type: text/plain; charset=klingon\r\n\r\nqapla\xff\xfe",
    b"Content-Transfer-Encoding: base64\r\n\r\n!!!not base64!!!",
    b"Content-Type: message/rfc822\r\n\r\nSubject: inner\r\n\r\ninner body",
    b"From: \xc3\x28 <x@y>\r\nSubject: \x80\x81\r\n\r\n\x00\x01",
    b":\r\n: :\r\n\r\n",
    b"Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: multipart/mixed;"
    b" boundary=b\r\n\r\n--b\r\n--b--\r\n",
]


def _serve_everything(api: Api, raw: bytes) -> None:
    if not raw:  # Gmail refuses an empty message outright
        with pytest.raises(ApiError) as err:
            insert(api, raw)
        assert err.value.code == 400
        return
    msg_id = insert(api, raw)
    for fmt in ("full", "metadata", "minimal", "raw"):
        json.dumps(api("messages.get", id=msg_id, format=fmt)).encode("utf-8")
    assert unb64(api("messages.get", id=msg_id, format="raw")["raw"]) == raw
    api("messages.list", q="anything has:attachment filename:x")


def test_known_malformed_messages_are_stored_and_served(api: Api) -> None:
    for raw in MALFORMED:
        _serve_everything(api, raw)


_LINES = st.sampled_from(
    [
        b"Subject: hi",
        b"From: =?utf-8?b?w6k=?= <a@b>",
        b"Content-Type: multipart/mixed; boundary=z",
        b"Content-Type: text/html; charset=utf-8",
        b"Content-Transfer-Encoding: quoted-printable",
        b"Content-Transfer-Encoding: base64",
        b"Content-Disposition: attachment; filename*=utf-8''%E2%82%AC.txt",
        b"--z",
        b"--z--",
        b"",
        b"=E2=82",
        b"\xff\xfe\x00",
        b" folded continuation",
        b"<p>&amp;&#39;</p>",
    ]
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    lines=st.lists(st.one_of(_LINES, st.binary(max_size=40)), max_size=25),
    newline=st.sampled_from([b"\r\n", b"\n"]),
)
def test_arbitrary_bytes_are_stored_and_served_without_crashing(
    lines: list[bytes], newline: bytes
) -> None:
    backend = Backend(Clock(frozen=True))
    backend.create_mailbox(ME)
    _serve_everything(Api(backend), newline.join(lines))


_HEADER_LINES = st.sampled_from(
    [
        "Subject: Interview =?utf-8?q?caf=C3=A9?=",
        "From: Ann <ann@acme.example>",
        "To: a@b.example,\r\n  c@d.example",
        "Content-Type: text/plain; charset=iso-8859-1",
        'Content-Type: text/html; charset="utf-8"',
        "Content-Type: application/pdf; name=cv.pdf",
        "Content-Disposition: attachment; filename=cv.pdf",
        "Content-Transfer-Encoding: quoted-printable",
        "Content-Transfer-Encoding: base64",
        "X-Empty:",
        "X-Spaces:    padded   ",
        " continuation",
        "From nobody Mon Jan 1",
        "No colon here",
    ]
)


@settings(max_examples=80, deadline=None)
@given(
    headers=st.lists(_HEADER_LINES, max_size=8),
    body=st.sampled_from(["", "plain body\r\n", "caf=C3=A9 =\r\nx", "aGVsbG8=", "<p>hi</p>"]),
)
def test_fast_path_and_stdlib_parser_agree(headers: list[str], body: str) -> None:
    raw = ("\r\n".join(headers) + "\r\n\r\n" + body).encode()
    assert parse(raw) == parse(raw, fast=False)


def test_fast_path_and_stdlib_parser_agree_on_the_sample_corpus() -> None:
    from pathlib import Path

    corpus = (Path(__file__).parents[3] / ".." / "shared" / "corpus").resolve()
    files = sorted(corpus.glob("*.eml"))
    if not files:
        pytest.skip(f"no sample corpus at {corpus}")
    for path in files:
        raw = path.read_bytes()
        assert parse(raw) == parse(raw, fast=False), path.name


@settings(max_examples=60, deadline=None)
@given(headers=st.lists(_HEADER_LINES, max_size=8))
def test_header_block_fast_split_matches_the_stdlib_header_parser(headers: list[str]) -> None:
    from email.parser import BytesHeaderParser
    from email.policy import compat32

    raw = ("\r\n".join(headers) + "\r\n\r\nbody").encode()
    expected = BytesHeaderParser(policy=compat32).parsebytes(raw)
    assert header_block(raw) == [(k, decode_header_value(v)) for k, v in expected.items()]


def test_text_bodies_are_served_as_utf8_whatever_the_declared_charset(api: Api) -> None:
    raw = (
        b"Subject: x\r\nContent-Type: text/plain; charset=iso-8859-1\r\n"
        b"Content-Transfer-Encoding: 8bit\r\n\r\nCaf\xe9 cr\xe8me\r\n"
    )
    payload = api("messages.get", id=insert(api, raw))["payload"]
    assert unb64(payload["body"]["data"]).decode("utf-8") == "Café crème\r\n"
    assert payload["body"]["size"] == len("Café crème\r\n".encode())
    content_type = {h["name"]: h["value"] for h in payload["headers"]}["Content-Type"]
    assert content_type == "text/plain; charset=iso-8859-1"  # the header is left as it was
