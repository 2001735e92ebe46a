"""Headless Chromium (Debian's ``chromium`` + ``chromium-driver``) driven by Selenium, network disabled.

Shared by the web atlas test and its benchmark. Every request that would leave the
machine goes to a proxy that does not exist (``127.0.0.1:9``), so a page that needs
the network fails to load its map instead of quietly fetching it.
"""

from __future__ import annotations

import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
DRIVER = "/usr/bin/chromedriver"


def available() -> str | None:
    """Why the browser cannot run here, or None when it can."""
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (tools/requirements-dev.txt)"
    for path in (CHROMIUM, DRIVER):
        if not Path(path).exists():
            return f"{path} is missing (tools/install-deps.sh installs chromium and chromium-driver)"
    return None


@contextmanager
def chromium(width: int = 1400, height: int = 900):
    """A headless Chromium with the network disabled; yields the Selenium driver."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="tl-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        f"--user-data-dir={profile}",
        "--proxy-server=127.0.0.1:9",
        "--proxy-bypass-list=<-loopback>",
        f"--window-size={width},{height}",
        "--lang=sv-SE",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service(DRIVER))
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
