"""One connect through a real browser: headless Chromium presses Allow on the consent page."""

from __future__ import annotations

import stat

import pytest

from .accounts import Account, account_fixture, read_auth_url  # noqa: F401
from .cdp import Browser, find_chromium

CHROMIUM = find_chromium()


@pytest.mark.browser
@pytest.mark.skipif(
    CHROMIUM is None, reason="Chromium is not installed (`make browser` installs Debian's)"
)
def test_connect_through_headless_chromium_clicking_allow(account: Account) -> None:
    assert CHROMIUM is not None
    proc = account.followup("connect", "--no-browser", "--timeout", "90")
    try:
        auth_url = read_auth_url(proc)
        with Browser(CHROMIUM) as browser:
            tab = browser.open(auth_url)
            browser.wait_for(tab, "document.getElementById('allow') !== null")
            title = browser.evaluate(tab, "document.title")
            assert "Sign in" in title
            browser.evaluate(
                tab, f"document.getElementById('email').value = '{account.email}'; true"
            )
            browser.evaluate(tab, "document.getElementById('allow').click(); true")
            landing = browser.wait_for(
                tab,
                "document.body && document.body.innerText.includes('connected') && "
                "document.body.innerText",
            )
            assert "followup is connected" in landing
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0, err
    assert f"Connected as {account.email}" in out
    assert stat.S_IMODE(account.home.token_file.stat().st_mode) == 0o600
