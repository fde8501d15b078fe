from django.urls import path

from . import views

app_name = "articles"

urlpatterns = [
    path("", views.ArticleListView.as_view(), name="list"),
    path("articles/<slug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
    path("topics/<slug:slug>/", views.TopicView.as_view(), name="topic"),
    path("countries/<str:code>/", views.CountryView.as_view(), name="country"),
    path("agencies/<str:acronym>/", views.AgencyView.as_view(), name="agency"),
    path("sources/<slug:slug>/", views.SourceView.as_view(), name="source"),
]
