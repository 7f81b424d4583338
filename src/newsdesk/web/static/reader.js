// newsdesk reader: progressive enhancement only. Every page works without this file.
// Keys: j/k next/previous, o (or Enter) open, s star, m mark read/unread, / search, ? help.
(function () {
  "use strict";
  var csrf = (document.querySelector('meta[name="csrf-token"]') || {}).content || "";

  function api(method, path) {
    return fetch(path, { method: method, credentials: "same-origin",
      headers: { "X-CSRF-Token": csrf, "Accept": "application/json" } })
      .then(function (r) { if (!r.ok) { throw new Error("HTTP " + r.status); } return r.json(); });
  }

  function items() { return Array.prototype.slice.call(document.querySelectorAll(".card[data-id]")); }
  var current = -1;

  function select(i) {
    var list = items();
    if (!list.length) { return; }
    i = Math.max(0, Math.min(list.length - 1, i));
    if (list[current]) { list[current].classList.remove("selected"); }
    current = i;
    var el = list[i];
    el.classList.add("selected");
    var link = el.querySelector("h2 a, h3 a, a");
    if (link) { link.focus({ preventScroll: true }); }
    el.scrollIntoView({ block: "nearest" });
  }

  function target() {
    var list = items();
    if (list[current]) { return list[current]; }
    return document.querySelector("article.full[data-id]");
  }

  function toggle(el, kind) {
    if (!el) { return; }
    var id = el.getAttribute("data-id");
    if (kind === "star") {
      var on = el.getAttribute("data-starred") === "1";
      api(on ? "DELETE" : "PUT", "/api/articles/" + id + "/star").then(function (s) {
        if (s.starred) { el.setAttribute("data-starred", "1"); } else { el.removeAttribute("data-starred"); }
        var b = document.querySelector('form[data-action="star"] button');
        if (b && el.matches("article.full")) {
          b.textContent = s.starred ? "\u2605 Starred" : "\u2606 Star";
          b.setAttribute("aria-pressed", s.starred ? "true" : "false");
        }
        announce(s.starred ? "Starred" : "Unstarred");
      }).catch(function () { announce("Could not change the star"); });
    } else {
      var unread = el.classList.contains("unread") || el.matches("article.full.unread");
      api(unread ? "PUT" : "DELETE", "/api/articles/" + id + "/read").then(function (s) {
        el.classList.toggle("unread", !s.read);
        announce(s.read ? "Marked read" : "Marked unread");
      }).catch(function () { announce("Could not change the read state"); });
    }
  }

  var live;
  function announce(text) {
    if (!live) {
      live = document.createElement("p");
      live.className = "visually-hidden";
      live.setAttribute("role", "status");
      document.body.appendChild(live);
    }
    live.textContent = text;
  }

  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) { return; }
    var t = e.target;
    if (t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT" || t.isContentEditable)) {
      if (e.key === "Escape") { t.blur(); }
      return;
    }
    switch (e.key) {
      case "j": select(current + 1); break;
      case "k": select(current - 1); break;
      case "o": case "Enter":
        var el = items()[current];
        if (!el) { return; }
        window.location.href = el.getAttribute("data-href");
        break;
      case "s": toggle(target(), "star"); break;
      case "m": toggle(target(), "read"); break;
      case "/":
        var q = document.getElementById("q");
        if (q) { q.focus(); q.select(); }
        break;
      case "?":
        var keys = document.getElementById("keys");
        if (keys) { keys.classList.add("highlight"); keys.scrollIntoView(); }
        break;
      default: return;
    }
    e.preventDefault();
  });

  // A thumbnail that cannot load (offline, moved, blocked) goes away instead of showing a broken icon.
  document.addEventListener("error", function (e) {
    var t = e.target;
    if (t && t.tagName === "IMG" && (t.classList.contains("thumb") || t.classList.contains("lead-img"))) {
      t.classList.add("broken");
    }
  }, true);
  Array.prototype.forEach.call(document.querySelectorAll("img.thumb, img.lead-img"), function (img) {
    if (img.complete && img.naturalWidth === 0 && img.getAttribute("src")) { img.classList.add("broken"); }
  });

  // Star and read forms on the article page: in place, without a reload.
  Array.prototype.forEach.call(document.querySelectorAll("form[data-action]"), function (form) {
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      toggle(document.querySelector("article.full[data-id]"), form.getAttribute("data-action"));
    });
  });

  // Share: copy the original's link, and the system share sheet where there is one.
  var copy = document.getElementById("copy-link");
  if (copy && navigator.clipboard) {
    copy.hidden = false;
    copy.addEventListener("click", function () {
      navigator.clipboard.writeText(copy.getAttribute("data-url")).then(function () {
        copy.textContent = "Copied"; announce("Link copied");
      });
    });
  }
  var share = document.getElementById("web-share");
  if (share && navigator.share) {
    share.hidden = false;
    share.addEventListener("click", function () {
      navigator.share({ title: share.getAttribute("data-text"), text: share.getAttribute("data-text"),
        url: share.getAttribute("data-url") }).catch(function () {});
    });
  }
  // Mastodon: remember the server, and go straight there.
  var masto = document.querySelector("form.mastodon");
  if (masto) {
    var inst = masto.querySelector('input[name="instance"]');
    try { inst.value = inst.value || localStorage.getItem("newsdesk.mastodon") || ""; } catch (err) { /* private mode */ }
    masto.addEventListener("submit", function (e) {
      var host = inst.value.trim().replace(/^https?:\/\//, "").replace(/\/.*$/, "").toLowerCase();
      if (!/^[a-z0-9.-]+\.[a-z]{2,}(:\d+)?$/.test(host)) { return; }
      e.preventDefault();
      try { localStorage.setItem("newsdesk.mastodon", host); } catch (err) { /* private mode */ }
      var text = masto.querySelector('input[name="text"]').value;
      window.open("https://" + host + "/share?text=" + encodeURIComponent(text), "_blank", "noopener");
    });
  }
})();
