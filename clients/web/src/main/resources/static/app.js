// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  // htmx requests carry the CSRF token as a header too (forms also carry it as a field).
  document.addEventListener("htmx:configRequest", function (e) {
    var meta = document.querySelector('meta[name="csrf-token"]');
    if (meta && meta.content) { e.detail.headers["X-CSRF-Token"] = meta.content; }
  });

  // Practice countdown: the page shows the deadline; this keeps the time left ticking.
  function pad(n) { return n < 10 ? "0" + n : "" + n; }
  function tick() {
    var nodes = document.querySelectorAll("[data-deadline]");
    for (var i = 0; i < nodes.length; i++) {
      var el = nodes[i];
      var left = Math.round((Date.parse(el.getAttribute("data-deadline")) - Date.now()) / 1000);
      var over = left < 0;
      var s = Math.abs(left);
      var text = Math.floor(s / 60) + ":" + pad(s % 60);
      el.textContent = over ? "time is up (+" + text + ")" : text + " left";
      el.classList.toggle("over", over);
    }
  }
  // A new plan counts its days in the browser's time zone unless the engineer types another.
  function fillZone() {
    var zone = "";
    try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone || ""; } catch (e) { zone = ""; }
    var fields = document.querySelectorAll("input[data-browser-zone]");
    for (var i = 0; i < fields.length; i++) {
      if (!fields[i].value && zone) { fields[i].value = zone; }
    }
  }
  document.addEventListener("DOMContentLoaded", fillZone);
  document.addEventListener("htmx:afterSettle", fillZone);

  setInterval(tick, 1000);
  document.addEventListener("DOMContentLoaded", tick);
  document.addEventListener("htmx:afterSettle", tick);
})();
