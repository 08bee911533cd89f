"""Running on a shared server: path prefix, access control, headers, request checks, reloading bad data."""

from __future__ import annotations

import base64
import hashlib
import json
import pickle
import pkgutil
import re
import shutil
from pathlib import Path

import bcrypt
import pandas as pd
import pytest

from app import create_app
from components import ids
from ocindex.errors import OCIndexError
from ocindex.settings import Settings
from ocindex.store import SNAPSHOT_NAME, DataStore
from serving import security
from tests import callbacks
from tests.damaged import workbook_with_damaged_sheets

PREFIX = "/oc-index/"


def quadrant_callback_body(client):
    """The quadrant's chart asked of the server for a view (components/quadrant.py, update_chart)."""
    outputs = callbacks.outputs_of(client, ids.QUADRANT.GRAPH, "figure")
    key = [False, 2021, "gitoc", [], [], "PER", 0, False, "official", None]  # presentation mode, then the controls
    return callbacks.body(outputs, [(ids.QUADRANT.ASK, "data", {"key": key, "drawn": None})],
                          changed=callbacks.prop_id(ids.QUADRANT.ASK, "data"))


def every_route(prefix: str) -> list[tuple[str, str]]:
    """(method, path) for a page, Dash's own routes, our API, assets and vendored files."""
    return [("GET", prefix), ("GET", f"{prefix}country/PER"), ("GET", f"{prefix}_dash-layout"),
            ("GET", f"{prefix}_dash-dependencies"), ("POST", f"{prefix}_dash-update-component"),
            ("GET", f"{prefix}api/scores.csv?edition=2021"), ("GET", f"{prefix}api/narratives.json?country=PER"),
            ("GET", f"{prefix}assets/style.css"), ("GET", f"{prefix}vendor/bootstrap/css/bootstrap.min.css"),
            ("GET", f"{prefix}vendor/topojson/world_110m.json"),
            ("GET", f"{prefix}_dash-component-suites/dash/dcc/dash_core_components.js")]


def call(client, method, path, chart_request, **kwargs):
    if method == "POST":
        return client.post(path, data=json.dumps(chart_request), content_type="application/json", **kwargs)
    return client.get(path, **kwargs)


@pytest.fixture(scope="module")
def store(workbook):
    return DataStore(workbook.parent)


@pytest.fixture(scope="module")
def chart_request(store):
    """The quadrant's chart request, as named by an app without a prefix or sign-in (the same in every app)."""
    return quadrant_callback_body(create_app(Settings(), store).server.test_client())


def test_every_route_works_under_a_path_prefix(store, chart_request):
    client = create_app(Settings(url_prefix=PREFIX), store).server.test_client()
    client.get(PREFIX)
    for method, path in every_route(PREFIX):
        assert call(client, method, path, chart_request).status_code == 200, path
    page = client.get(PREFIX).get_data(as_text=True)
    assert f"{PREFIX}_dash-component-suites" in page and f"{PREFIX}vendor/bootstrap" in page
    assert client.get(f"{PREFIX}healthz").get_json()["status"] == "ok"
    assert client.get("/_dash-layout").status_code == 404


@pytest.fixture(scope="module")
def htpasswd(tmp_path_factory):
    path = tmp_path_factory.mktemp("auth") / "htpasswd"
    # `htpasswd -B` writes $2y$ hashes; bcrypt writes $2b$: the same algorithm under another name.
    hashed = bcrypt.hashpw(b"correct horse", bcrypt.gensalt(rounds=4)).decode().replace("$2b$", "$2y$", 1)
    path.write_text(f"# analysts\nalice:{hashed}\n")
    return path


def basic(user, password):
    return {"Authorization": "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()}


def test_basic_auth_guards_every_route_but_healthz(store, chart_request, htpasswd):
    client = create_app(Settings(auth="basic", htpasswd=htpasswd), store).server.test_client()
    for method, path in every_route("/"):
        refused = call(client, method, path, chart_request)
        assert refused.status_code == 401 and refused.headers["WWW-Authenticate"].startswith("Basic"), path
        assert call(client, method, path, chart_request, headers=basic("alice", "wrong")).status_code == 401, path
        assert call(client, method, path, chart_request, headers=basic("mallory", "correct horse")).status_code == 401, path
        assert call(client, method, path, chart_request, headers=basic("alice", "correct horse")).status_code == 200, path
    assert client.get("/healthz").status_code == 200
    assert client.get("/", headers={"Authorization": "Basic !!!not-base64"}).status_code == 401


def test_a_plaintext_htpasswd_entry_is_refused(store, tmp_path):
    path = tmp_path / "htpasswd"
    path.write_text("alice:correct horse\n")
    with pytest.raises(OCIndexError, match="line 1 is not a bcrypt entry"):
        create_app(Settings(auth="basic", htpasswd=path), store)


SECRET = "s3cret-the-proxy-alone-knows"


def test_header_auth_believes_the_user_header_only_from_the_proxy_with_its_secret(store, chart_request):
    settings = Settings.from_env({"OCINDEX_AUTH": "header", "OCINDEX_TRUSTED_PROXIES": "127.0.0.1",
                                  "OCINDEX_PROXY_SECRET": SECRET})
    client = create_app(settings, store).server.test_client()
    proxy, outsider = {"REMOTE_ADDR": "127.0.0.1"}, {"REMOTE_ADDR": "10.9.8.7"}
    user, signed = {"X-Forwarded-User": "alice"}, {"X-Forwarded-User": "alice", "X-OCIndex-Proxy-Secret": SECRET}
    for method, path in every_route("/"):
        assert call(client, method, path, chart_request, headers=signed, environ_base=proxy).status_code == 200, path
        assert call(client, method, path, chart_request, headers=signed, environ_base=outsider).status_code == 401, path
        # A local user on the proxy's host, without the proxy's secret or with a guess: refused.
        assert call(client, method, path, chart_request, headers=user, environ_base=proxy).status_code == 401, path
        assert call(client, method, path, chart_request, headers={**signed, "X-OCIndex-Proxy-Secret": SECRET[:-1]},
                    environ_base=proxy).status_code == 401, path
        assert call(client, method, path, chart_request, environ_base=proxy).status_code == 401, path
    assert client.get("/healthz", environ_base=outsider).status_code == 200


@pytest.mark.parametrize("env, variable", [({"OCINDEX_PROXY_SECRET": SECRET}, "OCINDEX_TRUSTED_PROXIES"),
                                           ({"OCINDEX_TRUSTED_PROXIES": "127.0.0.1"}, "OCINDEX_PROXY_SECRET")])
def test_header_auth_without_trusted_proxies_or_secret_is_a_configuration_error(store, env, variable):
    with pytest.raises(OCIndexError, match=variable):
        create_app(Settings.from_env({"OCINDEX_AUTH": "header", **env}), store)


def test_an_unknown_user_costs_the_same_bcrypt_check_as_a_known_one(store, htpasswd, monkeypatch):
    client = create_app(Settings(auth="basic", htpasswd=htpasswd), store).server.test_client()
    checked = []
    real = bcrypt.checkpw
    monkeypatch.setattr(bcrypt, "checkpw", lambda password, hashed: checked.append(hashed) or real(password, hashed))
    assert client.get("/", headers=basic("alice", "wrong")).status_code == 401
    assert client.get("/", headers=basic("mallory", "wrong")).status_code == 401
    assert len(checked) == 2 and checked[0][4:7] == checked[1][4:7]  # one check each, at the same cost


@pytest.mark.parametrize("password", ["é" * 40, "x" * 73, "correct horse" + "!" * 100])
def test_a_password_bcrypt_cannot_take_is_a_401_not_a_500(store, htpasswd, password):
    client = create_app(Settings(auth="basic", htpasswd=htpasswd), store).server.test_client()
    for user in ("alice", "mallory"):
        assert client.get("/", headers=basic(user, password)).status_code == 401


@pytest.mark.parametrize("line", ["bob:$2y$05$tooshort", "bob:$2y$99$" + "a" * 53, "bob:$2b$10$" + "!" * 53])
def test_an_htpasswd_line_with_a_damaged_hash_stops_the_start_naming_the_line(store, htpasswd, tmp_path, line):
    path = tmp_path / "htpasswd"
    path.write_text(htpasswd.read_text() + line + "\n")
    with pytest.raises(OCIndexError, match="line 3 holds a damaged bcrypt hash"):
        create_app(Settings(auth="basic", htpasswd=path), store)


def test_security_headers_on_pages_and_api(store):
    client = create_app(Settings(), store).server.test_client()
    for path in ("/", "/api/scores.csv?edition=2021", "/healthz"):
        headers = client.get(path).headers
        policy = headers["Content-Security-Policy"]
        assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
        assert " 'sha256-" in policy and "''" not in policy
        assert "unsafe-eval" not in policy
        assert headers["X-Content-Type-Options"] == "nosniff" and headers["Referrer-Policy"] == "same-origin"


def test_assets_linked_with_their_version_are_kept_by_the_browser_the_bare_path_is_rechecked(store):
    client = create_app(Settings(url_prefix=PREFIX), store).server.test_client()
    page = client.get(PREFIX).get_data(as_text=True)
    linked = re.search(r'href="(/oc-index/assets/style\.css\?m=[^"]+)"', page)
    assert linked, "the page links its stylesheet with a version"
    versioned = client.get(linked.group(1))
    assert versioned.status_code == 200
    assert "max-age=31536000" in versioned.headers["Cache-Control"]
    assert "max-age=31536000" not in client.get(f"{PREFIX}assets/style.css").headers.get("Cache-Control", "")


def test_the_policy_allows_every_inline_script_whatever_registered_after_it(store):
    # create_app installs the security headers before registering the panels: the policy must still hold.
    app = create_app(Settings(), store)
    response = app.server.test_client().get("/")
    policy = response.headers["Content-Security-Policy"]
    assert policy == security.content_security_policy(app)  # as computed once every callback is registered
    page = re.sub(r"<!--.*?-->", "", response.get_data(as_text=True), flags=re.S)  # Dash's IE notice: a comment
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", page, re.S)
    inline = [body for attributes, body in scripts if "src=" not in attributes and "application/json" not in attributes]
    assert inline  # Dash's start-up script
    for script in inline:
        digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in policy


@pytest.mark.parametrize("path", ["/vendor/bootstrap/../../../../../etc/passwd",
                                  "/vendor/topojson/..%2f..%2f..%2fpyproject.toml",
                                  "/vendor/bootstrap/%2e%2e/%2e%2e/%2e%2e/app.py"])
def test_no_path_traversal_through_vendored_files(store, path):
    response = create_app(Settings(), store).server.test_client().get(path)
    assert response.status_code == 404 and b"root:" not in response.data


# A well-formed request for the search (one output pair, one input, no state), and what each malformed one changes.
SEARCH = {"output": "..search-status.children...search-results.children..",
          "outputs": [{"id": "search-status", "property": "children"}, {"id": "search-results", "property": "children"}],
          "inputs": [{"id": "search-term", "property": "value", "value": "gold"}], "state": [],
          "changedPropIds": ["search-term.value"]}


@pytest.mark.parametrize("body", ["not json", "[]", "{}", json.dumps({"output": "nope", "outputs": [], "inputs": [],
                                                                    "changedPropIds": []}),
                                  *(json.dumps({**SEARCH, **changed}) for changed in (
                                      {"changedPropIds": [[]]}, {"changedPropIds": [{}]}, {"changedPropIds": [None]},
                                      {"changedPropIds": [1]}, {"inputs": [{}]}, {"inputs": [["a"]]},
                                      {"inputs": [{"id": "search-term", "value": "gold"}]}, {"inputs": [7]},
                                      {"outputs": [{"id": "search-status", "property": 1}, SEARCH["outputs"][1]]},
                                      {"output": "shell-share.content",  # run in the browser, not here
                                       "outputs": {"id": "shell-share", "property": "content"},
                                       "inputs": [{"id": "shell-share", "property": "n_clicks", "value": 1}]}))])
def test_malformed_callback_requests_get_400_not_500(store, body):
    client = create_app(Settings(), store).server.test_client()
    response = client.post("/_dash-update-component", data=body, content_type="application/json")
    assert response.status_code == 400 and "error" in response.get_json()


def test_the_well_formed_search_request_those_are_made_from_is_answered(store):
    client = create_app(Settings(), store).server.test_client()
    response = client.post("/_dash-update-component", json=SEARCH)
    assert response.status_code == 200 and "gold" in response.get_data(as_text=True)


@pytest.fixture
def own_data(tmp_path, workbook):
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    shutil.copy(workbook, data_dir / "global_oc_index.xlsx")
    return data_dir


def test_a_replaced_broken_workbook_keeps_the_old_data_serving(own_data, tmp_path):
    store = DataStore(own_data, snapshot_dir=tmp_path / "cache")
    client = create_app(Settings(data_dir=own_data), store).server.test_client()
    before = client.get("/api/scores.csv?edition=2021").get_data()
    (own_data / "global_oc_index.xlsx").write_bytes(b"truncated upload")
    assert store.reload() is False
    assert client.get("/api/scores.csv?edition=2021").get_data() == before
    health = client.get("/healthz").get_json()
    assert health["status"] == "degraded" and "cannot be opened" in health["last_reload_error"]


def test_a_restart_with_a_broken_workbook_serves_the_last_valid_data(own_data, tmp_path):
    first = DataStore(own_data, snapshot_dir=tmp_path / "cache")
    (own_data / "global_oc_index.xlsx").write_bytes(b"truncated upload")
    restarted = DataStore(own_data, snapshot_dir=tmp_path / "cache")
    assert restarted.index.sha256 == first.index.sha256
    assert "cannot be opened" in restarted.last_error
    with pytest.raises(OCIndexError):
        DataStore(own_data)  # with no valid copy kept, a broken workbook stops the start-up with its message


def test_damaged_sheet_xml_inside_a_sound_zip_is_a_located_one_line_error(own_data, tmp_path):
    store = DataStore(own_data, snapshot_dir=tmp_path / "cache")
    before = store.index.tidy
    workbook_with_damaged_sheets(own_data / "global_oc_index.xlsx", tmp_path / "damaged.xlsx").replace(
        own_data / "global_oc_index.xlsx")
    assert store.reload() is False
    assert store.index.tidy is before
    assert "sheet '" in store.last_error and "cannot be read" in store.last_error and "\n" not in store.last_error
    restarted = DataStore(own_data, snapshot_dir=tmp_path / "cache")  # a restart serves the kept copy
    pd.testing.assert_frame_equal(restarted.index.tidy, before)
    assert restarted.index.sha256 == store.index.sha256 and restarted.last_error == store.last_error
    health = create_app(Settings(data_dir=own_data), restarted).server.test_client().get("/healthz").get_json()
    assert health["status"] == "degraded" and "cannot be read" in health["last_reload_error"]


def test_the_kept_copy_is_json_with_a_checksum_and_a_pickle_in_the_cache_is_never_run(own_data, tmp_path):
    cache = tmp_path / "cache"
    DataStore(own_data, snapshot_dir=cache)
    kept = json.loads((cache / SNAPSHOT_NAME).read_bytes())
    assert kept["columns"][:3] == ["edition", "iso3", "country"] and len(kept["rows"]) > 0
    marker = tmp_path / "ran"
    planted = pickle.dumps(RunsWhenUnpickled(str(marker)))
    (cache / "last-valid-index.pickle").write_bytes(planted)  # where the previous version kept its copy
    (own_data / "global_oc_index.xlsx").write_bytes(b"truncated upload")
    assert DataStore(own_data, snapshot_dir=cache).last_error is not None  # served from the JSON copy
    # Whoever can write to the cache replaces the copy by a pickle, with a matching checksum: refused as data.
    (cache / SNAPSHOT_NAME).write_bytes(planted)
    (cache / f"{SNAPSHOT_NAME}.sha256").write_text(hashlib.sha256(planted).hexdigest())
    with pytest.raises(OCIndexError, match="cannot be used"):
        DataStore(own_data, snapshot_dir=cache)
    assert not marker.exists()


def test_a_kept_copy_that_does_not_match_its_checksum_is_refused_with_one_clear_line(own_data, tmp_path):
    cache = tmp_path / "cache"
    DataStore(own_data, snapshot_dir=cache)
    copy = cache / SNAPSHOT_NAME
    copy.write_bytes(copy.read_bytes().replace(b'"PER", "Peru"', b'"PER", "Perx"', 1))
    (own_data / "global_oc_index.xlsx").write_bytes(b"truncated upload")
    with pytest.raises(OCIndexError) as refused:
        DataStore(own_data, snapshot_dir=cache)
    message = str(refused.value)
    assert "\n" not in message and "cannot be opened" in message and "SHA-256" in message


class RunsWhenUnpickled:
    def __init__(self, path: str):
        self.path = path

    def __reduce__(self):
        return (Path.touch, (Path(self.path),))


PLOTLY = f"{PREFIX}_dash-component-suites/plotly/package_data/plotly.min.js"  # the address Dash loads it from
USER = basic("alice", "correct horse")


def guarded_client(store, htpasswd):
    client = create_app(Settings(url_prefix=PREFIX, auth="basic", htpasswd=htpasswd), store).server.test_client()
    client.get(PREFIX, headers=USER)
    return client


def count_file_reads(monkeypatch) -> list:
    reads = []
    monkeypatch.setattr(pkgutil, "get_data", lambda *args, real=pkgutil.get_data: reads.append(args) or real(*args))
    return reads


def test_code_loaded_on_demand_is_rechecked_against_its_etag_without_reading_it_again(store, htpasswd, monkeypatch):
    client = guarded_client(store, htpasswd)
    sent = client.get(PLOTLY, headers=USER)
    assert sent.status_code == 200 and sent.headers["ETag"] == f'"{hashlib.sha1(sent.data).hexdigest()}"'
    reads = count_file_reads(monkeypatch)
    unchanged = client.get(PLOTLY, headers={**USER, "If-None-Match": sent.headers["ETag"]})
    assert unchanged.status_code == 304 and unchanged.data == b"" and unchanged.headers["ETag"] == sent.headers["ETag"]
    assert not reads  # Dash reads and hashes the file (4.8 MB) to say so
    assert client.get(PLOTLY, headers={**USER, "If-None-Match": '"another"'}).data == sent.data
    assert client.get(PLOTLY, headers={"If-None-Match": sent.headers["ETag"]}).status_code == 401


def test_a_worker_that_never_sent_the_code_learns_its_etag_from_a_browser_that_holds_it(store, htpasswd, monkeypatch):
    tag = guarded_client(store, htpasswd).get(PLOTLY, headers=USER).headers["ETag"]
    worker = guarded_client(store, htpasswd)  # such a browser only ever revalidates: Dash answers the first time
    assert worker.get(PLOTLY, headers={**USER, "If-None-Match": tag}).status_code == 304
    reads = count_file_reads(monkeypatch)
    assert worker.get(PLOTLY, headers={**USER, "If-None-Match": tag}).status_code == 304 and not reads


@pytest.mark.parametrize("path", ["_dash-component-suites/plotly/package_data/nothing.js",
                                  "_dash-component-suites/plotly/package_data/plotly.min.v9_9m123.js",
                                  "_dash-component-suites/os/path.js", "_dash-component-suites/dash/../../app.py"])
def test_an_address_dash_does_not_serve_its_code_from_is_a_404(store, path, caplog):
    client = create_app(Settings(url_prefix=PREFIX), store).server.test_client()
    client.get(PREFIX)
    response = client.get(PREFIX + path)
    assert response.status_code == 404 and response.get_data(as_text=True).startswith("No such file")
    assert not [r for r in caplog.records if r.levelname == "ERROR"]
