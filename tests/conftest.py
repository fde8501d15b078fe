import pytest
from django.contrib.auth.models import Group, Permission
from hypothesis import settings

from .factories import ArticleFactory, UserFactory

# `pytest --hypothesis-profile=thorough` for a long fuzzing run; CI uses the test's own counts.
settings.register_profile("thorough", max_examples=3000, deadline=None)


@pytest.fixture
def editor(db):
    """A staff user who may edit articles but not publish them."""
    user = UserFactory(username="desk-editor")
    user.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="articles",
            codename__in=["view_article", "change_article", "add_article"],
        )
    )
    return user


@pytest.fixture
def chief(db):
    """A staff user who may also publish."""
    user = UserFactory(username="chief-editor")
    user.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="articles",
            codename__in=["view_article", "change_article", "add_article", "publish_article"],
        )
    )
    return user


@pytest.fixture
def article(db):
    return ArticleFactory()


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Cached counts are keyed by the catalogue generation, which a rolled-back test leaves
    unchanged: start every test with an empty cache."""
    from django.core.cache import cache

    from articles import counts

    cache.clear()
    counts.forget_here()
    yield
    cache.clear()
    counts.forget_here()


@pytest.fixture(autouse=True)
def _default_language():
    """A test request to a Thai or Vietnamese page leaves that language active in the thread
    (LocaleMiddleware sets it and nothing resets it): start every test in the default one, so
    that messages a test reads do not depend on which test ran before."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture
def desk_client(client, db):
    """A client logged in as a member of the Data desk group."""
    user = UserFactory(username="desk-user")
    user.groups.add(Group.objects.get(name="Data desk"))
    client.force_login(user)
    return client
