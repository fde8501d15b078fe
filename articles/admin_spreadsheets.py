"""Admin views for catalogue spreadsheets: import with a per-row preview, changelist export."""

from __future__ import annotations

import datetime
import tempfile

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, StreamingHttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import staging
from .spreadsheets import (
    RowOutcome,
    SpreadsheetError,
    clipped_pair,
    csv_chunks,
    import_articles,
    write_xlsx,
)

SESSION_KEY = "catalogue_import_tokens"
# Rows of each kind (updated, new) the preview lists; the rest are counted. A 100,000-row file
# would make a page no one can read; the command line's --dry-run lists every change.
PREVIEW_ROWS = 100
CLIP = 160  # characters of a long text shown before "show all"


class CatalogueImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Spreadsheet"),
        help_text=gettext_lazy(
            "A .csv (UTF-8, with or without BOM) or .xlsx file with the export's columns; "
            "slug is required, the other columns are optional. You will see a preview first."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )


def _text(value) -> str:
    if isinstance(value, datetime.date):
        return formats.date_format(value, "DATE_FORMAT")
    if isinstance(value, tuple):
        return ", ".join(value)
    return str(value)


def _long(value) -> bool:
    return isinstance(value, str) and (len(value) > CLIP or "\n" in value.strip())


def _cell(cell) -> dict:
    """A previewed cell for the template: old and new as text; long text clipped around the
    place where the two differ, the whole text kept for "show all"."""
    shown = {
        side: {"empty": True} if value is None else {"text": _text(value)}
        for side, value in (("old", cell.old), ("new", cell.new))
    }
    if _long(cell.old) or _long(cell.new):
        clips = clipped_pair(cell.old or "", cell.new or "", width=CLIP)
        for side, value, clip in (("old", cell.old, clips[0]), ("new", cell.new, clips[1])):
            if _long(value):
                shown[side]["clipped"] = clip
    return {"column": cell.column, "stacked": _long(cell.old) or _long(cell.new), **shown}


def preview_rows(rows: list[RowOutcome]) -> list[dict]:
    """The preview's rows with every cell ready to show (old → new)."""
    return [
        {
            "row": row.row,
            "slug": row.slug,
            "headline": row.headline,
            "cells": [_cell(cell) for cell in row.cells],
        }
        for row in rows
    ]


def _context(model_admin, request, title):
    return {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": title,
    }


def import_catalogue_view(model_admin, request):
    """Upload → dry run with new/updated/unchanged/error per row → confirm (all or nothing)."""
    if not request.user.has_perm("articles.import_catalogue"):
        raise PermissionDenied
    context = _context(model_admin, request, _("Import articles from a spreadsheet"))
    tokens = request.session.get(SESSION_KEY, [])

    if request.method == "POST" and "token" in request.POST:
        token = request.POST["token"]
        staged = staging.meta(token) if token in tokens else None
        data = staging.open_file(token, 0) if staged else None
        if data is None:
            messages.error(request, _("That preview has expired; upload the file again."))
            return redirect("admin:articles_article_import_catalogue")
        name = staged["name"]
        try:
            with data:
                report = import_articles(data, name=name, by=request.user)
        except SpreadsheetError as error:
            messages.error(request, str(error))
            return redirect("admin:articles_article_import_catalogue")
        finally:
            staging.discard(token)
            request.session[SESSION_KEY] = [t for t in tokens if t != token]
        if report.errors:
            messages.error(request, _("Nothing was imported: the file changed since the preview."))
        else:
            messages.success(
                request,
                _("Imported %(file)s: %(c)d created, %(u)d updated, %(n)d unchanged.")
                % {"file": name, "c": report.created, "u": report.updated, "n": report.unchanged},
            )
        return redirect("admin:articles_article_changelist")

    form = CatalogueImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        token = staging.stage([(upload.name, upload)], {"name": upload.name})
        try:
            with staging.open_file(token, 0) as handle:
                report = import_articles(
                    handle,
                    name=upload.name,
                    dry_run=True,
                    by=request.user,
                    preview_rows=PREVIEW_ROWS,
                )
        except SpreadsheetError as error:
            staging.discard(token)
            form.add_error("file", str(error))
        else:
            if report.errors:
                staging.discard(token)
                token = ""
            else:
                request.session[SESSION_KEY] = [*tokens[-4:], token]
            context.update(
                report=report,
                token=token,
                updated_rows=preview_rows(report.updated_rows),
                new_rows=preview_rows(report.new_rows),
            )
            return TemplateResponse(
                request, "admin/articles/article/import_catalogue_preview.html", context
            )
    context["form"] = form
    return TemplateResponse(request, "admin/articles/article/import_catalogue.html", context)


def export_catalogue_view(model_admin, request, fmt: str):
    """Export what the changelist shows (its filters and search) as CSV or XLSX."""
    if not request.user.has_perm("articles.export_catalogue"):
        raise PermissionDenied
    if fmt not in ("csv", "xlsx"):
        raise Http404
    changelist = model_admin.get_changelist_instance(request)
    queryset = changelist.get_queryset(request)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    filename = f"articles-{stamp}.{fmt}"
    if fmt == "csv":
        response = StreamingHttpResponse(
            csv_chunks(queryset),
            content_type="text/csv; charset=utf-8",
        )
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
    # FileResponse closes the file when the response is done.
    spool = tempfile.TemporaryFile()  # noqa: SIM115
    write_xlsx(queryset, spool)
    spool.seek(0)
    return FileResponse(
        spool,
        as_attachment=True,
        filename=filename,
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
