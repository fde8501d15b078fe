import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from articles.models import Agency, Article, Country, Topic

from .factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_vocabulary_topics_have_the_agreed_slugs():
    expected = {
        "drug-trafficking", "human-trafficking", "online-scams", "cybercrime", "terrorism",
        "border-management", "illegal-migration", "wildlife-trafficking", "maritime-security",
        "money-laundering", "economic-crime", "information-sharing", "capacity-building",
        "agreement", "joint-operation", "meeting", "victim-support",
    }  # fmt: skip
    assert set(Topic.objects.values_list("slug", flat=True)) == expected


def test_every_topic_has_keywords_in_three_languages():
    for topic in Topic.objects.all():
        assert topic.keywords_en and topic.keywords_th and topic.keywords_vi, topic.slug
        assert topic.name_th and topic.name_vi, topic.slug


def test_vocabulary_agencies_include_the_required_list():
    required = {
        "ASEANAPOL", "INTERPOL", "EUROPOL", "UNODC", "IOM", "ICAO", "RTP", "ONCB", "DSI", "AMLO",
        "MPS-VN", "CNP", "NIS", "HSI", "DEA", "FBI", "AFP", "BKA", "RCMP", "NCA",
    }  # fmt: skip
    assert required <= set(Agency.objects.values_list("acronym", flat=True))
    assert Agency.objects.get(acronym="INTERPOL").country is None
    assert Agency.objects.get(acronym="MPS-VN").country_id == "VN"


def test_countries_carry_translated_library_names_and_news_forms():
    laos = Country.objects.get(code="LA")
    assert laos.name_vi == "Lào"
    assert "สปป.ลาว" in laos.aliases
    assert Country.objects.get(code="KH").name_vi == "Campuchia"
    assert Country.objects.get(code="KH").name_th == "กัมพูชา"
    assert Country.objects.count() == 249


def test_country_name_follows_the_active_language():
    from django.utils import translation

    korea = Country.objects.get(code="KR")
    with translation.override("th"):
        assert korea.name == "เกาหลีใต้"
    with translation.override("vi"):
        assert korea.name == "Hàn Quốc"
    with translation.override("en"):
        assert korea.name == "South Korea"


def test_published_excludes_every_other_status_and_future_publication():
    visible = ArticleFactory(published=True)
    ArticleFactory(status=Article.Status.DRAFT)
    ArticleFactory(status=Article.Status.IN_REVIEW)
    ArticleFactory(status=Article.Status.ARCHIVED, published_at=timezone.now())
    ArticleFactory(
        status=Article.Status.PUBLISHED, published_at=timezone.now() + datetime.timedelta(hours=1)
    )
    assert list(Article.objects.published()) == [visible]


def test_clean_explains_what_a_published_article_lacks():
    article = ArticleFactory.build(
        headline="", published_on=None, status=Article.Status.PUBLISHED, slug="x"
    )
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert "headline" in error.value.message_dict
    assert "published_on" in error.value.message_dict


def test_clean_refuses_an_event_that_ends_before_it_starts():
    article = ArticleFactory.build(
        event_start=datetime.date(2022, 3, 5), event_end=datetime.date(2022, 3, 1)
    )
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert "event_end" in error.value.message_dict


def test_event_start_alone_is_enough_date_for_publication():
    article = ArticleFactory.build(
        published_on=None,
        event_start=datetime.date(2022, 3, 1),
        status=Article.Status.PUBLISHED,
        published_at=timezone.now(),
    )
    article.full_clean()
    article.save()


@pytest.mark.parametrize(
    "changes",
    [
        {"headline": ""},
        {"published_on": None, "event_start": None},
        {"published_at": None},
    ],
)
def test_database_refuses_a_published_article_that_breaks_the_rules(changes):
    article = ArticleFactory(published=True)
    Article.objects.filter(pk=article.pk).update(status=Article.Status.DRAFT)
    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.filter(pk=article.pk).update(status=Article.Status.PUBLISHED, **changes)


def test_database_refuses_event_end_before_start():
    with pytest.raises(IntegrityError), transaction.atomic():
        ArticleFactory(event_start=datetime.date(2022, 3, 5), event_end=datetime.date(2022, 3, 1))


def test_slug_is_unique_in_the_database():
    ArticleFactory(slug="same")
    with pytest.raises(IntegrityError), transaction.atomic():
        ArticleFactory(slug="same")


def test_original_url_is_unique_only_when_present():
    ArticleFactory(url="")
    ArticleFactory(url="")
    ArticleFactory(url="https://example.org/a")
    with pytest.raises(IntegrityError), transaction.atomic():
        ArticleFactory(url="https://example.org/a")


def test_full_clean_reports_duplicate_slug_and_url_readably():
    ArticleFactory(slug="taken", url="https://example.org/a")
    article = ArticleFactory.build(slug="taken", url="https://example.org/a")
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    text = str(error.value)
    assert "slug" in text.lower()
    assert "url" in text.lower()


def test_str_and_absolute_url():
    article = ArticleFactory(slug="asean-meeting", headline="หัวข้อ")
    assert str(article) == "หัวข้อ"
    assert article.get_absolute_url() == "/en/articles/asean-meeting/"
    assert "no headline" in str(ArticleFactory(headline="", headline_en="", slug="z"))


def test_the_tag_registry_names_what_django_has():
    """Article.TAGS is the one list of tag relations; its names agree with the models."""
    assert {tag.name for tag in Article.TAGS} == {f.name for f in Article._meta.many_to_many}
    assert tuple(tag.name for tag in Article.TAGS) == Article.TAG_RELATIONS
    for tag in Article.TAGS:
        field = Article._meta.get_field(tag.name)
        assert field.related_model is tag.model
        assert tag.through is field.remote_field.through
        assert tag.column == field.m2m_reverse_name()
