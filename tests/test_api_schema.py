"""The open data API answers as its OpenAPI description says, for requests schemathesis draws
from that description: a bounded number per operation, so that CI stays quick.

Schemathesis drives the app in the process (WSGI). Its pytest plugin does not run under
pytest 9, so the operations are parametrized here and each one's cases drawn with
Hypothesis.
"""

import pytest
import schemathesis
import schemathesis.checks
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

# A filter's values are the content's ids (topics, ministries, metrics), which change with
# the content and so are not listed in the description: an unknown one is a documented
# 400, which schemathesis's "schema-valid data must be accepted" would count as a failure.
EXCLUDED = [schemathesis.checks.positive_data_acceptance]


@pytest.fixture(scope="module")
def api_schema(app):
    return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)


def test_every_operation_is_drawn(api_schema):
    paths = {result.ok().path for result in api_schema.get_all_operations()}
    assert {"/documents", "/documents/{kind}/{slug}", "/ministries/{ministry_id}"} <= paths


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_the_api_answers_as_it_describes_itself(api_schema, data):
    operations = [result.ok() for result in api_schema.get_all_operations()]
    operation = data.draw(st.sampled_from(operations))
    case = data.draw(operation.as_strategy())
    # Compressed answers are for browsers; the in-process client does not inflate them.
    case.call_and_validate(headers={"Accept-Encoding": "identity"}, excluded_checks=EXCLUDED)
