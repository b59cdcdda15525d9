// A document being made: ask its state every few seconds and put the answer in place, until it is ready or failed.
(function () {
  function poll(element) {
    var url = element.getAttribute("data-document-poll");
    if (!url) return;
    setTimeout(function () {
      fetch(url, { credentials: "same-origin", headers: { "X-Requested-With": "fetch" } })
        .then(function (response) { return response.ok ? response.text() : null; })
        .then(function (html) {
          if (html === null) return;
          var holder = document.createElement("div");
          holder.innerHTML = html.trim();
          var fresh = holder.firstElementChild;
          if (!fresh) return;
          element.replaceWith(fresh);
          poll(fresh);
        })
        .catch(function () { poll(element); });
    }, 2000);
  }
  document.querySelectorAll("[data-document-poll]").forEach(poll);
})();
