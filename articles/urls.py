from django.urls import path

from . import feeds, views

app_name = "articles"

urlpatterns = [
    path("", views.ArticleListView.as_view(), name="list"),
    path("articles/<slug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
    path("topics/<slug:slug>/", views.TopicView.as_view(), name="topic"),
    path("countries/<str:code>/", views.CountryView.as_view(), name="country"),
    path("agencies/<str:acronym>/", views.AgencyView.as_view(), name="agency"),
    path("sources/<slug:slug>/", views.SourceView.as_view(), name="source"),
    path("cooperation/", views.CooperationView.as_view(), name="cooperation"),
    path(
        "cooperation/<str:first>-<str:second>/",
        views.CountryPairView.as_view(),
        name="country-pair",
    ),
    path("preview/<int:pk>/", views.preview, name="preview"),
    path("feeds/rss/", feeds.ArticleFeed(), name="feed-rss"),
    path("feeds/atom/", feeds.AtomArticleFeed(), name="feed-atom"),
]
