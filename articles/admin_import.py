"""The admin's raw-article upload: files or a zip, a dry-run preview per file, then confirm."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from . import staging
from .forms import ConfirmImportForm, RawImportForm
from .importing import ERROR, RawFile, import_raw_articles, read_zip

SESSION_KEY = "raw_import_tokens"


def _raw_files(uploads, limit: int) -> list[RawFile]:
    files: list[RawFile] = []
    for upload in uploads:
        if upload.name.lower().endswith(".zip"):
            files.extend(read_zip(upload.name, upload))
        elif upload.size > limit:
            files.append(
                RawFile(upload.name, error=f"the file is {upload.size:,} bytes, over the limit")
            )
        else:
            files.append(RawFile(upload.name, data=upload.read()))
    return files


def _stash(files: list[RawFile]) -> str:
    index = [{"name": raw.name, "error": raw.error, "data": raw.data is not None} for raw in files]
    return staging.stage(
        [(raw.name, raw.data) for raw in files if raw.data is not None], {"files": index}
    )


def _unstash(token: str) -> list[RawFile] | None:
    staged = staging.meta(token)
    if staged is None:
        return None
    files, number = [], 0
    for entry in staged["files"]:
        data = None
        if entry["data"]:
            handle = staging.open_file(token, number)
            number += 1
            if handle is None:
                return None
            with handle:
                data = handle.read()
        files.append(RawFile(entry["name"], data=data, error=entry["error"]))
    return files


def import_raw_view(model_admin, request, **kwargs):
    """Upload → preview (nothing written) → confirm (written, each file all-or-nothing)."""
    from django.conf import settings

    if not model_admin.has_add_permission(request):
        raise PermissionDenied
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": _("Import raw articles"),
    }
    tokens = request.session.get(SESSION_KEY, [])

    if request.method == "POST" and "token" in request.POST:
        confirm = ConfirmImportForm(request.POST)
        token = confirm.data.get("token", "")
        files = _unstash(token) if confirm.is_valid() and token in tokens else None
        if files is None:
            messages.error(request, _("That preview has expired; upload the files again."))
            return redirect("admin:articles_article_import_raw")
        reports = import_raw_articles(files=files, by=request.user)
        staging.discard(token)
        request.session[SESSION_KEY] = [t for t in tokens if t != token]
        counts = {
            s: sum(r.status == s for r in reports) for s in ("created", "updated", "unchanged")
        }
        errors = sum(r.status == ERROR for r in reports)
        messages.success(
            request,
            _("Imported: %(created)d created, %(updated)d updated, %(unchanged)d unchanged.")
            % counts,
        )
        if errors:
            messages.warning(request, _("%(n)d file(s) could not be imported.") % {"n": errors})
        return redirect(reverse("admin:articles_article_changelist") + "?status__exact=draft")

    form = RawImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        files = _raw_files(form.cleaned_data["files"], settings.NEWSROOM_MAX_IMPORT_FILE_BYTES)
        reports = import_raw_articles(files=files, dry_run=True, by=request.user)
        token = _stash(files)
        request.session[SESSION_KEY] = [*tokens[-9:], token]
        context.update(
            reports=reports,
            confirm_form=ConfirmImportForm(initial={"token": token}),
            importable=sum(r.status != ERROR for r in reports),
        )
        return TemplateResponse(request, "admin/articles/article/import_raw_preview.html", context)
    context["form"] = form
    return TemplateResponse(request, "admin/articles/article/import_raw.html", context)
