// Progressive enhancement only: every page works without this file.
// When a form comes back with errors, move the focus to the error summary so that screen-reader
// and keyboard users learn about the errors at once.
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.querySelector(".error-summary");
  if (summary) { summary.focus(); }
});
