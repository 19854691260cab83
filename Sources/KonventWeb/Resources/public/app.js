// Progressive enhancement only: every page works without this file.
// When a form comes back with errors, move the focus to the error summary so that screen-reader
// and keyboard users learn about the errors at once.
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.querySelector(".error-summary");
  if (summary) { summary.focus(); }
});

// A finder (a search by title where the office used to type a number) offers its candidates as
// the office types: the same GET the search button sends, and the page's own list of choices from
// the answer, so that the server stays the only place that decides what is found.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("form.finder[data-found]").forEach(function (form) {
    var input = form.querySelector("input[type=search]");
    var target = document.getElementById(form.getAttribute("data-found"));
    if (!input || !target) { return; }
    var timer = null, asked = 0;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      if (input.value.trim().length < 2) { return; }
      timer = setTimeout(function () {
        var url = new URL(form.action, document.baseURI);
        url.hash = "";
        url.searchParams.set(input.name, input.value.trim());
        var mine = ++asked;
        fetch(url.toString(), { credentials: "same-origin", headers: { "Accept": "text/html" } })
          .then(function (response) { return response.ok ? response.text() : null; })
          .then(function (html) {
            if (html === null || mine !== asked) { return; }
            var found = new DOMParser().parseFromString(html, "text/html").getElementById(target.id);
            if (found) { target.innerHTML = found.innerHTML; }
          })
          .catch(function () { /* the search button still works */ });
      }, 300);
    });
  });
});
