// The "select all" box of django-import-export's export page, bound here instead of an inline
// onchange attribute, which the Content-Security-Policy forbids.
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll(".select-toggle").forEach((toggle) => {
    toggle.addEventListener("change", (event) => onSelectToggleChange(event));
  });
});
