"""Forms for the editors' admin."""

from django import forms
from django.contrib.admin.helpers import ActionForm
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
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
    """The article form, refusing to overwrite a version saved after it was opened.

    Besides the article's fields it carries the change form's workflow move (the button
    pressed, `_move`, with a note and a time) and a reason box for each open review flag:
    a flag whose box is filled is dismissed with that reason when the form is saved."""

    seen_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    move_note = forms.CharField(
        label=_("Note for the history"),
        required=False,
        max_length=500,
        widget=forms.TextInput(attrs={"placeholder": _("optional")}),
    )
    move_when = forms.DateTimeField(
        label=_("Publish at"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )

    class Meta:
        model = Article
        fields = "__all__"  # noqa: DJ007 — ArticleAdmin's fieldsets choose the fields shown
        widgets = {
            # Thai headlines run to 200 characters: wide, and wrapped rather than scrolled.
            "headline": forms.Textarea(attrs={"rows": 2, "class": "article-headline"}),
            "headline_en": forms.Textarea(attrs={"rows": 2, "class": "article-headline"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["seen_version"].initial = self.instance.version
        self.current_version = self.instance.version
        for flag in self.instance.flags:
            self.fields[self.dismiss_field(flag)] = forms.CharField(
                label=_("Why dismiss it"),
                required=False,
                max_length=200,
                widget=forms.TextInput(attrs={"placeholder": _("e.g. the conference dates stand")}),
            )

    @staticmethod
    def dismiss_field(flag: dict) -> str:
        return f"dismiss_{flag.get('code', '')}"

    def _clean_headline(self, name: str) -> str:
        # A headline is one line, whatever the text area lets an editor type or paste.
        return " ".join(self.cleaned_data.get(name, "").split())

    def clean_headline(self):
        return self._clean_headline("headline")

    def clean_headline_en(self):
        return self._clean_headline("headline_en")

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
        self._clean_move(cleaned)
        self._clean_dismissals(cleaned)
        return cleaned

    def _clean_move(self, cleaned) -> None:
        when = cleaned.get("move_when")
        if self.data.get("_move") != "schedule" or "move_when" in self.errors:
            return
        if when is None:
            self.add_error("move_when", _("Give the date and time to publish at."))
        elif when <= timezone.now():
            self.add_error(
                "move_when", _("Give a time in the future; to publish now, use Publish.")
            )

    def _clean_dismissals(self, cleaned) -> None:
        cleaned["dismissed"] = {}
        pressed = self.data.get("_dismiss")
        for flag in self.instance.flags:
            name = self.dismiss_field(flag)
            reason = (cleaned.get(name) or "").strip()
            if reason:
                cleaned["dismissed"][flag["code"]] = reason
            elif pressed == flag.get("code"):
                self.add_error(name, _("Say why the flag can be dismissed."))
