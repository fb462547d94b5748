// Copying links and citations. Without JavaScript every address is still a plain link or a
// read-only field whose text can be selected; this only saves the selecting.
(function () {
  function status() {
    return document.getElementById("copy-status");
  }

  function announce(key) {
    var region = status();
    if (!region) return;
    region.textContent = region.getAttribute("data-" + key) || "";
    window.clearTimeout(announce.timer);
    announce.timer = window.setTimeout(function () {
      region.textContent = "";
    }, 3000);
  }

  function copy(text, message) {
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(
        function () { announce(message); },
        function () { announce("failed"); }
      );
    } else {
      announce("failed");
    }
  }

  // The page's permanent address. It is read from the page's frame, not from <head>, which
  // keeps the first page's links when the language toggle swaps the frame in.
  function pageAddress() {
    var site = document.querySelector("[data-canonical]");
    return site ? site.getAttribute("data-canonical") : window.location.href.split("#")[0];
  }

  function showCopyButtons() {
    var buttons = document.querySelectorAll(".copy-button[hidden]");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].hidden = false;
    }
  }

  document.addEventListener("click", function (event) {
    // Share, under the title: the phone's own share sheet where the browser has one (it
    // lists WeChat, Weibo, messages... as the reader has them), else the link copied.
    var share = event.target.closest(".document__action--share");
    if (share) {
      var address = share.getAttribute("data-share-url");
      event.preventDefault();
      if (navigator.share) {
        navigator.share({ title: share.getAttribute("data-share-title"), url: address }).catch(function () {});
      } else {
        copy(address, "link-copied");
      }
      return;
    }
    var button = event.target.closest(".copy-button");
    if (button) {
      var source = document.getElementById(button.getAttribute("data-copy"));
      if (source) {
        copy(source.value !== undefined ? source.value : source.textContent, "copied");
      }
      return;
    }
    var anchor = event.target.closest("a.permalink");
    if (anchor) {
      // The link still moves to the section, so the address bar shows it too.
      copy(pageAddress() + anchor.getAttribute("href"), "link-copied");
    }
  });

  // A read-only address is selected whole when it gets focus, ready for Ctrl+C.
  document.addEventListener("focusin", function (event) {
    if (event.target.classList && event.target.classList.contains("copy-field__input")) {
      event.target.select();
    }
  });

  document.addEventListener("DOMContentLoaded", showCopyButtons);
  document.addEventListener("htmx:afterSettle", showCopyButtons);
})();
