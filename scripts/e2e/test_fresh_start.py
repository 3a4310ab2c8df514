"""A newcomer's first minutes: the login page, each README demo account, search, scope, the API document."""
import re
from pathlib import Path

import pytest
import requests
from openapi_spec_validator import validate

from conftest import login, token

README = Path(__file__).resolve().parents[2] / "README.md"


def readme_accounts():
    text = README.read_text(encoding="utf-8")
    names = re.findall(r"`([a-z0-9]+(?:\.(?:noivu|cv|ld))|admin)`", text)
    return sorted(set(names))


def test_login_page_is_vietnamese(base_url):
    r = requests.get(base_url + "/login", timeout=10)
    assert r.status_code == 200
    assert '<html lang="vi">' in r.text
    assert "Đăng nhập" in r.text and "Mật khẩu" in r.text


def test_readme_lists_the_demo_accounts():
    names = readme_accounts()
    for required in ["admin", "thachha.noivu", "thachdai.cv", "thachdai.ld", "quangtho.cv", "quangtho.ld",
                     "quangdien.noivu", "ankhe.noivu", "soctrang.noivu"]:
        assert required in names


@pytest.mark.parametrize("username", readme_accounts())
def test_each_demo_account_logs_in(base_url, username):
    s = login(base_url, username)
    home = s.get(base_url + "/", timeout=10)
    assert home.status_code == 200
    assert "Xin chào" in home.text
    me = requests.get(base_url + "/api/v1/me", headers=token(base_url, username), timeout=10).json()
    assert me["user"]["username"] == username


def test_search_ignores_diacritics(base_url):
    s = login(base_url, "admin")
    page = s.get(base_url + "/units", params={"q": "quang tho"}, timeout=10)
    assert "Xã Quảng Thọ" in page.text
    units = requests.get(base_url + "/api/v1/units", params={"q": "thach ha"}, headers=token(base_url, "admin"), timeout=10).json()
    assert "Huyện Thạch Hà" in [u["name"] for u in units]


def test_scope_is_enforced_on_the_server(base_url):
    admin = token(base_url, "admin")
    thach_dai = requests.get(base_url + "/api/v1/units", params={"q": "thach dai"}, headers=admin, timeout=10).json()[0]
    outsider = token(base_url, "quangtho.cv")
    r = requests.get(f"{base_url}/api/v1/units/{thach_dai['id']}", headers=outsider, timeout=10)
    assert r.status_code == 404
    assert "phạm vi" in r.json()["error"]["message"]
    page = login(base_url, "quangtho.cv").get(f"{base_url}/units/{thach_dai['id']}", timeout=10)
    assert page.status_code == 404
    officer = token(base_url, "thachha.noivu")
    assert requests.get(f"{base_url}/api/v1/units/{thach_dai['id']}", headers=officer, timeout=10).status_code == 200


def test_openapi_document_is_valid(base_url):
    doc = requests.get(base_url + "/api/v1/openapi.json", timeout=10).json()
    validate(doc)
    assert "/api/v1/units/{unitID}" in doc["paths"]
