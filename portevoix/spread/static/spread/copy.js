// Copy buttons: without JavaScript the text stays selectable in its field.
(function () {
  var status = document.getElementById("copy-status");
  function copied(button) {
    if (status) { status.textContent = button.getAttribute("data-copied"); }
  }
  document.querySelectorAll("button[data-copy]").forEach(function (button) {
    var field = document.getElementById(button.getAttribute("data-copy"));
    if (!field) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(field.value).then(function () { copied(button); });
      } else {
        field.select();
        document.execCommand("copy");
        copied(button);
      }
    });
  });
})();
