from pathlib import Path

import pytest

from ocindex.datadir import find_data_dir
from ocindex.errors import WorkbookNotFound
from ocindex.settings import Settings


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
