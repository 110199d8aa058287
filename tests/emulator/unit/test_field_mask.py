"""The ``fields`` mask parser, its schema check and how a mask cuts a result down."""

from __future__ import annotations

from typing import Any

import pytest

from gmail_emulator.errors import ApiError
from gmail_emulator.fields import apply, compile_mask

LIST = "gmail.users.messages.list"
GET = "gmail.users.messages.get"
HISTORY = "gmail.users.history.list"

MESSAGE: dict[str, Any] = {
    "id": "a1",
    "threadId": "t1",
    "labelIds": ["INBOX"],
    "snippet": "hi",
    "payload": {
        "mimeType": "multipart/alternative",
        "headers": [{"name": "Subject", "value": "x"}],
        "parts": [
            {"partId": "0", "mimeType": "text/plain", "body": {"size": 2, "data": "aGk"}},
            {"partId": "1", "mimeType": "text/html", "body": {"size": 9, "data": "PGI-aGk"}},
        ],
    },
}


def cut(method_id: str, mask: str, value: Any) -> Any:
    selection = compile_mask(method_id, mask)
    assert selection is not None
    return apply(value, selection)


def refusal(method_id: str, mask: str) -> str:
    with pytest.raises(ApiError) as caught:
        compile_mask(method_id, mask)
    assert caught.value.code == 400
    assert caught.value.reason == "invalidParameter"
    assert (caught.value.location, caught.value.location_type) == ("fields", "parameter")
    return caught.value.message


def test_comma_list_keeps_only_the_named_top_level_members() -> None:
    assert cut(GET, "id,snippet", MESSAGE) == {"id": "a1", "snippet": "hi"}


def test_sub_selection_applies_to_each_element_of_a_list() -> None:
    answer = {"messages": [MESSAGE, MESSAGE], "resultSizeEstimate": 2}
    assert cut(LIST, "messages(id,threadId)", answer) == {
        "messages": [{"id": "a1", "threadId": "t1"}] * 2
    }


def test_slash_path_and_parenthesised_form_select_the_same() -> None:
    answer = {"messages": [MESSAGE]}
    assert cut(LIST, "messages/id", answer) == cut(LIST, "messages(id)", answer)


def test_sub_selections_nest() -> None:
    assert cut(GET, "payload(parts(partId,body/size))", MESSAGE) == {
        "payload": {
            "parts": [{"partId": "0", "body": {"size": 2}}, {"partId": "1", "body": {"size": 9}}]
        }
    }


def test_recursive_schema_is_followed_through_ref_and_items() -> None:
    assert compile_mask(GET, "payload/parts/parts/parts/headers/name") is not None


def test_whitespace_around_commas_and_parentheses_is_tolerated() -> None:
    assert cut(GET, " id , payload( mimeType ) ", MESSAGE) == cut(
        GET, "id,payload(mimeType)", MESSAGE
    )


def test_wildcard_keeps_everything_at_its_level() -> None:
    assert cut(GET, "*", MESSAGE) == MESSAGE
    assert cut(GET, "payload/*", MESSAGE) == {"payload": MESSAGE["payload"]}


def test_whole_member_wins_over_a_narrower_selection_of_it() -> None:
    assert cut(GET, "payload/mimeType,payload", MESSAGE) == {"payload": MESSAGE["payload"]}


def test_selected_members_the_value_lacks_are_absent() -> None:
    assert cut(GET, "id,raw,payload/filename", MESSAGE) == {"id": "a1", "payload": {}}


def test_empty_mask_selects_nothing() -> None:
    assert cut(GET, "", MESSAGE) == {}


def test_history_deep_path_keeps_records_in_place() -> None:
    answer = {
        "history": [
            {"id": "5", "messages": [MESSAGE], "messagesAdded": [{"message": MESSAGE}]},
            {"id": "6", "messages": [MESSAGE], "labelsAdded": [{"message": MESSAGE}]},
        ],
        "historyId": "6",
    }
    mask = "history(messagesAdded/message/id),historyId,nextPageToken"
    assert cut(HISTORY, mask, answer) == {
        "history": [{"messagesAdded": [{"message": {"id": "a1"}}]}, {}],
        "historyId": "6",
    }


def test_a_name_the_schema_lacks_is_refused_with_that_name() -> None:
    assert refusal(LIST, "messages(id,threadid)") == "Invalid field selection threadid"
    assert refusal(GET, "payload/headers/nam") == "Invalid field selection nam"
    assert refusal(HISTORY, "history(messageAdded)") == "Invalid field selection messageAdded"


def test_a_name_below_a_scalar_is_refused() -> None:
    assert refusal(GET, "id/value") == "Invalid field selection value"


def test_a_misspelt_name_is_refused_even_beside_a_wildcard() -> None:
    assert refusal(GET, "*,snipet") == "Invalid field selection snipet"


@pytest.mark.parametrize(
    "mask",
    [
        "messages(id",
        "messages)",
        "messages(id))",
        "messages()",
        "id,,threadId",
        ",id",
        "id,",
        "messages/",
        "/id",
        "*/id",
        "*(id)",
        "mess ages",
        "id;threadId",
    ],
)
def test_syntax_errors_are_refused_quoting_the_mask(mask: str) -> None:
    assert refusal(LIST, mask) == f"Invalid field selection {mask}"


def test_method_without_a_response_body_has_nothing_to_filter() -> None:
    assert compile_mask("gmail.users.messages.delete", "id") is None


def test_compiled_masks_are_cached() -> None:
    assert compile_mask(LIST, "messages(id)") is compile_mask(LIST, "messages(id)")


def test_apply_leaves_its_input_untouched() -> None:
    before = repr(MESSAGE)
    cut(GET, "payload(parts/body)", MESSAGE)
    assert repr(MESSAGE) == before
