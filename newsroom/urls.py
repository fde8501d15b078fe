"""Root URL configuration: the admin and machine files at the root, reader pages per language."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path

from articles import views
from articles.sitemaps import SITEMAPS

admin.site.site_header = "Newsroom"
admin.site.site_title = "Newsroom admin"
# The app list beside every page would take a fifth of a 1280-px screen from the article list;
# the breadcrumbs and the admin's home page lead to the other lists.
admin.site.enable_nav_sidebar = False
admin.site.index_title = "Editorial desk"
admin.site.index_template = "admin/newsroom_index.html"  # the dashboard above the app list


def sitemap(request):
    """One sitemap, or an index of sections once there are more URLs than one file may hold."""
    pages = sum(cls().paginator.num_pages for cls in SITEMAPS.values())
    if pages > len(SITEMAPS):
        return sitemap_views.index(request, SITEMAPS, sitemap_url_name="sitemap-section")
    return sitemap_views.sitemap(request, SITEMAPS)


urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("sitemap.xml", sitemap, name="sitemap"),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="sitemap-section",
    ),
    path("robots.txt", views.robots_txt, name="robots"),
    path("healthz", views.healthz, name="healthz"),
]
urlpatterns += i18n_patterns(path("", include("articles.urls")))

handler404 = "articles.views.page_not_found"
handler500 = "articles.views.server_error"
