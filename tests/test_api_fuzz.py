"""Fuzz the JSON API from its own OpenAPI schema (schemathesis): whatever a client sends, the
reader answers with a 2xx/4xx that matches the schema, never a 5xx. Bounded so it runs in seconds."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error, response_schema_conformance, status_code_conformance

from newsdesk.web import create_app
from web_data import build


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory):
    room = build(tmp_path_factory.mktemp("fuzz") / "fuzz.db")
    return schemathesis.openapi.from_asgi("/openapi.json", create_app(room.db))


# The reader's own API (other concerns fuzz theirs); subscribing would go to the network.
schema = schemathesis.pytest.from_fixture("api_schema").include(tag="reader").exclude(
    method="POST", path="/api/sources")


@schema.parametrize()
@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_never_fails_and_keeps_its_schema(case):
    case.call_and_validate(checks=[not_a_server_error, status_code_conformance, response_schema_conformance])
