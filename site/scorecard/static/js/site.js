// After HTMX swaps a page in (the language toggle), give <html> the new page's language,
// so that screen readers, fonts and hyphenation follow the text.
document.addEventListener("htmx:afterSettle", function () {
  var site = document.querySelector("[data-html-lang]");
  if (site) {
    document.documentElement.lang = site.getAttribute("data-html-lang");
  }
});
