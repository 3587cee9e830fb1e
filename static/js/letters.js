// Letters: a "Copy" button beside the letter text. Without JavaScript, the text can be
// selected and copied by hand; nothing else depends on this file.
(function () {
  "use strict";
  var blocks = document.querySelectorAll("[data-copy-block]");
  Array.prototype.forEach.call(blocks, function (block) {
    var source = block.querySelector("[data-copy-source]");
    if (!source || !navigator.clipboard) return;
    var button = document.createElement("button");
    var status = document.createElement("p");
    button.type = "button";
    button.textContent = document.documentElement.lang === "fr" ? "Copier la lettre" : "Copy the letter";
    status.setAttribute("role", "status");
    status.className = "help";
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(source.value).then(function () {
        status.textContent = document.documentElement.lang === "fr"
          ? "Lettre copiée : collez-la dans un nouveau courriel."
          : "Letter copied: paste it into a new email.";
      });
    });
    block.appendChild(button);
    block.appendChild(status);
  });
})();
