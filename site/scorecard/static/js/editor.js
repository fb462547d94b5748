// The browser editor's small helps; the form works the same without them.
(function () {
  var form = document.getElementById("document-form");
  if (!form) {
    return;
  }
  var body = document.getElementById("body");
  var cursor = document.getElementById("cursor");
  var image = document.getElementById("image");

  // An uploaded image's Markdown goes where the editor's cursor was in the text.
  function keepCursor() {
    cursor.value = String(body.selectionStart);
  }
  ["click", "keyup", "select", "input", "blur"].forEach(function (name) {
    body.addEventListener(name, keepCursor);
  });

  // A file too large is refused here, before it is sent.
  image.addEventListener("change", function () {
    var file = image.files[0];
    var most = Number(image.getAttribute("data-max-bytes"));
    image.setCustomValidity(file && file.size > most ? image.getAttribute("data-too-large") : "");
    image.reportValidity();
  });

  // Leaving the page with unsaved changes asks first (the browser words the question).
  var changed = false;
  form.addEventListener("input", function (event) {
    if (event.target !== image) {
      changed = true;
    }
  });
  form.addEventListener("submit", function (event) {
    if (event.submitter && event.submitter.formAction.indexOf("/images") !== -1 && !image.checkValidity()) {
      event.preventDefault();
      image.reportValidity();
      return;
    }
    if (!event.submitter || event.submitter.formTarget !== "_blank") {
      changed = false;  // the preview in a new tab leaves this page as it is
    }
  });
  window.addEventListener("beforeunload", function (event) {
    if (changed) {
      event.preventDefault();
    }
  });
})();
