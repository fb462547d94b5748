// The language toggle keeps the reader's place. Both languages share their section and
// paragraph ids, so the passage being read travels as the address's #fragment. The toggle is a plain
// link, a full page load: the new page's whole head (title, canonical, og:url, og:locale,
// description, feed) comes with it, so what a reader shares next is that page.
// The header scrolls away, so the reader usually scrolls up to reach the toggle: the place
// kept is the passage where the reader last stopped scrolling, not the top of the page.
(function () {
  var SECTIONS = ".document .document__body > [id], .document .document__body > ol > li[id], .parallel__row[id]";
  var PAUSE_MS = 250;
  var lastRead = null;
  var timer = null;

  function sectionInView() {
    var reading = null;
    var line = window.innerHeight / 3;
    document.querySelectorAll(SECTIONS).forEach(function (section) {
      if (section.getBoundingClientRect().top <= line) {
        reading = section.id;
      }
    });
    return reading;
  }

  function anchorTarget() {
    var anchor = decodeURIComponent(window.location.hash.slice(1));
    return anchor && document.getElementById(anchor) ? anchor : null;
  }

  window.addEventListener("scroll", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      lastRead = sectionInView() || lastRead;
    }, PAUSE_MS);
  }, { passive: true });

  document.addEventListener("click", function (event) {
    var toggle = event.target.closest && event.target.closest(".language-toggle");
    if (!toggle || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) {
      return;
    }
    var section = sectionInView() || lastRead || anchorTarget();
    if (!section) {
      return;
    }
    event.preventDefault();
    window.location.assign(toggle.href.split("#")[0] + "#" + encodeURIComponent(section));
  }, true);
})();

// Times of day in the reader's own zone. The page shows them in its language's zone (UTC,
// or Beijing time), named; where the reader's zone is another, they are shown in theirs.
(function () {
  function showLocalTimes() {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    var format = new Intl.DateTimeFormat(document.documentElement.lang, {
      year: "numeric", month: "short", day: "numeric",
      hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short"
    });
    document.querySelectorAll("time[data-moment]").forEach(function (time) {
      if (time.getAttribute("data-zone") !== zone) {
        time.title = time.textContent;
        time.textContent = format.format(new Date(time.getAttribute("datetime")));
        time.setAttribute("data-zone", zone);
      }
    });
  }
  document.addEventListener("DOMContentLoaded", showLocalTimes);
  document.addEventListener("htmx:afterSettle", showLocalTimes);
})();
