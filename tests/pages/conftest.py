import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """The registration brake counts in the cache, which outlives a test."""
    cache.clear()
    yield
    cache.clear()
