"""Forms for the editors' admin."""

from django import forms
from django.contrib.admin.helpers import ActionForm
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _

from .models import Article


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """A file field that accepts several files in one upload."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".txt,.zip,text/plain"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)]


class RawImportForm(forms.Form):
    files = MultipleFileField(
        label=_("Raw article files"),
        help_text=_("One or more .txt files, or a .zip of them. You will see a preview first."),
    )


class ConfirmImportForm(forms.Form):
    token = forms.CharField(widget=forms.HiddenInput)


class WorkflowActionForm(ActionForm):
    """The admin action bar, with an optional note and a time for scheduling."""

    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=500,
        widget=forms.TextInput(attrs={"placeholder": _("optional note for the history")}),
    )
    when = forms.DateTimeField(
        label=_("Publish at"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )


class TextareaField(forms.CharField):
    """A text area's value with the browser's CRLF line ends read as LF.

    Browsers send every line break of a <textarea> as CRLF: without this, saving a form whose
    body nobody touched stored it with CRLF and counted it as edited by hand, so re-imports
    stopped refreshing it."""

    def to_python(self, value):
        value = super().to_python(value)
        return value.replace("\r\n", "\n").replace("\r", "\n") if value else value


class ArticleAdminForm(forms.ModelForm):
    """The article form, refusing to overwrite a version saved after it was opened."""

    seen_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    resolve_flags = forms.BooleanField(
        label=_("The review flags are resolved"),
        required=False,
        help_text=_("Tick when you have fixed what the flags say; publishing needs no open flags."),
    )

    class Meta:
        model = Article
        fields = "__all__"  # noqa: DJ007 — ArticleAdmin's fieldsets choose the fields shown

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["seen_version"].initial = self.instance.version
        self.current_version = self.instance.version

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk:
            # Locked until the admin's transaction commits: two saves cannot both pass.
            version = (
                Article.objects.select_for_update()
                .filter(pk=self.instance.pk)
                .values_list("version", flat=True)
                .first()
            )
            seen = cleaned.get("seen_version")
            if version is not None and seen is not None and seen != version:
                current = (
                    Article.objects.filter(pk=self.instance.pk)
                    .values("updated_at", "updated_by__username")
                    .get()
                )
                url = reverse("admin:articles_article_change", args=[self.instance.pk])
                raise ValidationError(
                    format_html(
                        _(
                            "Someone else ({who}) saved this article at {when}, after you opened "
                            'it. Your changes were not saved. <a href="{url}">Open the newer '
                            "version</a> and make your changes again."
                        ),
                        who=current["updated_by__username"] or _("the system"),
                        when=date_format(localtime(current["updated_at"]), "DATETIME_FORMAT"),
                        url=url,
                    ),
                    code="stale",
                )
            if version is not None:
                self.current_version = version
        return cleaned
