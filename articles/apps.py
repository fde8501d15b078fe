from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Articles")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.backends.signals import connection_created
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from . import lookups, signals
        from .fields import SearchTextField
        from .search import check_lc_ctype

        SearchTextField.register_lookup(lookups.TsMatch)
        connection_created.connect(check_lc_ctype, dispatch_uid="articles.check_lc_ctype")
        signals.connect(post_save, post_delete, m2m_changed)
