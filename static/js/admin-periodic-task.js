// django-celery-beat's crontab help on the periodic task form, as a file rather than
// the inline script the package ships (the Content-Security-Policy forbids those).
(function () {
  "use strict";
  function ready() {
    var data = document.getElementById("readable-crontabs");
    var select = document.getElementById("id_crontab");
    if (!data || !select) {
      return;
    }
    var readable = JSON.parse(data.textContent);
    var help = document.querySelector(".field-crontab .help");
    var original = help ? help.textContent : "";
    document.querySelectorAll(".field-crontab_translation").forEach(function (row) {
      row.style.display = "none";
    });
    select.addEventListener("change", function () {
      if (help) {
        help.textContent = original + " " + (readable[select.value] || "");
      }
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ready);
  } else {
    ready();
  }
})();
