from pathlib import Path

import pytest

from ocindex.datadir import find_data_dir
from ocindex.errors import WorkbookNotFound
from ocindex.settings import Settings, SettingsError


def test_defaults_serve_locally_on_8050():
    settings = Settings.from_env({})
    assert (settings.host, settings.port, settings.url_prefix, settings.data_dir) == ("127.0.0.1", 8050, "/", None)


def test_environment_and_overrides():
    env = {"OCINDEX_DATA_DIR": "/srv/data", "OCINDEX_PORT": "9000", "OCINDEX_URL_PREFIX": "oc-index"}
    settings = Settings.from_env(env, port=9100)
    assert settings.data_dir == Path("/srv/data") and settings.port == 9100 and settings.url_prefix == "/oc-index/"


def test_an_explicit_data_dir_is_the_only_place_looked(tmp_path):
    with pytest.raises(WorkbookNotFound) as caught:
        find_data_dir(tmp_path)
    assert caught.value.searched == [tmp_path.resolve() / "global_oc_index.xlsx"]


def test_without_an_explicit_dir_the_shared_data_folder_is_found(workbook):
    assert find_data_dir(None) == workbook.parent.resolve()


def test_the_limits_come_from_the_environment_and_a_bad_value_names_its_variable():
    env = {"OCINDEX_MAX_BODY_KB": "64", "OCINDEX_MAX_PATH": "300", "OCINDEX_MAX_QUERY": "500",
           "OCINDEX_MAX_NESTING": "20", "OCINDEX_CACHE_MAX_MB": "8", "OCINDEX_DECK_JOBS": "1",
           "OCINDEX_DECK_POLL_TIMEOUT": "10", "OCINDEX_PROXY_SECRET": "s3cret"}
    settings = Settings.from_env(env)
    assert (settings.max_body_kb, settings.max_path, settings.max_query, settings.max_nesting, settings.cache_max_mb,
            settings.deck_jobs, settings.deck_poll_timeout) == (64, 300, 500, 20, 8, 1, 10)
    assert "s3cret" not in repr(settings)  # settings may be logged; the proxy's secret never is
    for variable in ("OCINDEX_MAX_BODY_KB", "OCINDEX_DECK_JOBS"):
        for bad in ("0", "-1", "lots", "1.5"):
            with pytest.raises(SettingsError, match=variable):
                Settings.from_env({variable: bad})
