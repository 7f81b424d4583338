/* newsdesk player (issue 6): Listen on article and story pages, and the queue on /listen.
 *
 * Ready audio plays from the complete file (seekable, HTTP Range). Audio not made yet is
 * requested and played from the live stream while it is made; when the file is complete the
 * player switches to it at the same position. Position is saved per article; heard to the end,
 * the item is marked read, taken off the queue, and the next one starts. Items that fail are
 * skipped, so the queue goes on. Media Session gives lock-screen and headset controls.
 * No inline script anywhere: the page's CSP allows only 'self'.
 */
(function () {
  "use strict";
  var OGG = 'audio/ogg; codecs="opus"';
  var csrf = (document.querySelector('meta[name="csrf-token"]') || {}).content || "";
  var SPEEDS = ["0.75", "1", "1.25", "1.5", "1.75", "2"];

  function format() {
    return document.createElement("audio").canPlayType(OGG) ? "ogg" : "mp3";
  }

  function api(method, url, body, keepalive) {
    var opts = { method: method, credentials: "same-origin", keepalive: !!keepalive,
      headers: { "Accept": "application/json", "X-CSRF-Token": csrf } };
    if (body !== undefined) {
      opts.headers["Content-Type"] = "application/json";
      opts.body = JSON.stringify(body);
    }
    return fetch(url, opts).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (j) { j._status = r.status; return j; });
    });
  }

  function clock(s) {
    if (!isFinite(s) || s < 0) return "–:––";
    s = Math.floor(s);
    var h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), sec = s % 60;
    return (h ? h + ":" + String(m).padStart(2, "0") : m) + ":" + String(sec).padStart(2, "0");
  }

  function Player(root) {
    this.root = root;
    this.audio = root.querySelector(".listen-audio");
    this.status = root.querySelector(".listen-status");
    this.playBtn = root.querySelector(".listen-play");
    this.transport = root.querySelector(".listen-transport");
    this.seek = root.querySelector(".listen-seek");
    this.time = root.querySelector(".listen-time");
    this.speed = root.querySelector(".listen-speed");
    this.queueMode = root.dataset.queue === "1";
    this.item = null;       // {kind, id, title, outlet}
    this.live = false;      // playing the live stream of a narration being made
    this.pollTimer = null;
    this.lastSave = 0;
    this.wire();
    this.refresh();
  }

  // On page open: the current status (the server also takes it as the cue to warm its voice).
  Player.prototype.refresh = function () {
    var self = this;
    if (this.queueMode) return;
    var d = this.root.dataset;
    api("GET", "/api/audio/" + d.kind + "/" + d.id).then(function (st) {
      if (!self.item && st._status === 200) self.say(st.message, st.status);
    }).catch(function () {});
  };

  Player.prototype.wire = function () {
    var self = this, a = this.audio;
    var saved = localStorage.getItem("newsdesk.speed");
    if (saved && SPEEDS.indexOf(saved) >= 0) this.speed.value = saved;
    this.playBtn.addEventListener("click", function () { self.toggle(); });
    root(this, ".listen-back", function () { self.skip(-15); });
    root(this, ".listen-fwd", function () { self.skip(15); });
    root(this, ".listen-next", function () { self.next(true); });
    this.speed.addEventListener("change", function () {
      a.playbackRate = parseFloat(self.speed.value);
      localStorage.setItem("newsdesk.speed", self.speed.value);
    });
    this.seek.addEventListener("input", function () {
      if (!self.live) a.currentTime = parseFloat(self.seek.value);
    });
    a.addEventListener("play", function () { self.playing(true); });
    a.addEventListener("pause", function () { self.playing(false); self.save(false); });
    a.addEventListener("ratechange", function () { self.mediaPosition(); });
    a.addEventListener("timeupdate", function () { self.tick(); });
    a.addEventListener("ended", function () { self.ended(); });
    a.addEventListener("error", function () { self.failed("the audio could not be played"); });
    window.addEventListener("pagehide", function () { if (self.item && !a.paused) self.save(false, true); });
    this.root.querySelectorAll(".listen-enqueue").forEach(function (b) {
      b.addEventListener("click", function () { self.enqueue(b); });
    });
    this.root.querySelectorAll(".listen-remove").forEach(function (b) {
      b.addEventListener("click", function () { self.remove(b.closest("li")); });
    });
  };

  function root(self, sel, fn) {
    var el = self.root.querySelector(sel);
    if (el) el.addEventListener("click", fn);
  }

  Player.prototype.say = function (text, state) {
    this.status.textContent = text || "";
    this.status.dataset.status = state || "";
  };

  Player.prototype.subject = function () {
    if (!this.queueMode) {
      var d = this.root.dataset;
      return { kind: d.kind, id: parseInt(d.id, 10), title: d.title, outlet: d.outlet };
    }
    var li = this.root.querySelector(".listen-queue li:not([data-skip])");
    return li ? { kind: li.dataset.kind, id: parseInt(li.dataset.id, 10), title: li.dataset.title,
      outlet: li.dataset.outlet, li: li } : null;
  };

  Player.prototype.toggle = function () {
    if (this.item) {
      if (this.audio.paused) this.audio.play().catch(function () {}); else this.audio.pause();
      return;
    }
    var s = this.subject();
    if (s) this.load(s);
  };

  Player.prototype.load = function (item) {
    var self = this;
    this.stopPolling();
    this.item = item;
    this.live = false;
    this.transport.hidden = false;
    this.root.querySelectorAll(".listen-queue li").forEach(function (li) { li.classList.remove("playing"); });
    if (item.li) item.li.classList.add("playing");
    var now = this.root.querySelector(".listen-now");
    if (now) now.textContent = "Now: " + (item.title || "");
    this.say("Loading…", "loading");
    this.media();
    api("GET", "/api/audio/" + item.kind + "/" + item.id).then(function (st) {
      if (self.item !== item) return;
      if (st._status !== 200) return self.failed(st.error || "not found");
      self.show(st);
      if (st.status === "ready") return self.playFile(st, st.finished ? 0 : st.position);
      if (st.status === "unavailable") return self.failed(st.message, true);
      // Not made yet, being made, failed before, or out of date: ask for it and play it live.
      return api("POST", "/api/audio/" + item.kind + "/" + item.id).then(function (st2) {
        if (self.item !== item) return;
        if (st2.status === "unavailable") return self.failed(st2.message, true);
        if (st2.status === "ready") return self.playFile(st2, 0);
        self.live = true;
        self.seek.hidden = true;
        self.audio.src = st2.live + "?format=" + format();
        self.audio.playbackRate = parseFloat(self.speed.value);
        self.audio.play().catch(function () {});
        self.poll();
      });
    }).catch(function () { self.failed("the server could not be reached"); });
  };

  Player.prototype.show = function (st) {
    this.say(st.message, st.status);
    if (this.item && this.item.li) {
      var s = this.item.li.querySelector(".listen-item-status");
      if (s) s.textContent = st.message;
      this.item.li.dataset.status = st.status;
    }
  };

  Player.prototype.playFile = function (st, at) {
    var a = this.audio, self = this, wasLive = this.live;
    this.live = false;
    var src = format() === "ogg" ? st.audio.ogg : st.audio.mp3;
    var resume = function () {
      a.removeEventListener("loadedmetadata", resume);
      if (at > 0 && at < (a.duration || Infinity) - 1) a.currentTime = at;
      a.playbackRate = parseFloat(self.speed.value);
      self.seek.hidden = false;
      self.seek.max = Math.floor(a.duration || st.duration || 0);
      a.play().catch(function () {});
    };
    a.addEventListener("loadedmetadata", resume);
    a.preload = "auto";
    a.src = src;
    if (!wasLive) this.say(st.message, st.status);
  };

  Player.prototype.poll = function () {
    var self = this, item = this.item;
    this.pollTimer = setTimeout(function () {
      api("GET", "/api/audio/" + item.kind + "/" + item.id).then(function (st) {
        if (self.item !== item) return;
        self.show(st);
        if (st.status === "ready") {
          // The file is complete: switch from the live stream to it, at the same place.
          if (self.live) self.playFile(st, self.audio.currentTime);
          return;
        }
        if (st.status === "failed" || st.status === "unavailable") return self.failed(st.message, true);
        self.poll();
      }).catch(function () { self.poll(); });
    }, 1000);
  };

  Player.prototype.stopPolling = function () {
    if (this.pollTimer) clearTimeout(this.pollTimer);
    this.pollTimer = null;
  };

  Player.prototype.skip = function (delta) {
    var a = this.audio;
    if (!this.item) return;
    var end = this.live ? (a.buffered.length ? a.buffered.end(a.buffered.length - 1) : 0) : a.duration;
    a.currentTime = Math.max(0, Math.min((end || 0) - 0.5, a.currentTime + delta));
  };

  Player.prototype.playing = function (on) {
    this.playBtn.textContent = on ? "❚❚ Pause" : "▶ " + (this.item ? "Play" : "Listen");
    this.playBtn.setAttribute("aria-label", on ? "Pause" : "Play");
    if ("mediaSession" in navigator) navigator.mediaSession.playbackState = on ? "playing" : "paused";
  };

  Player.prototype.tick = function () {
    var a = this.audio;
    var total = this.live ? "" : " / " + clock(a.duration);
    this.time.textContent = clock(a.currentTime) + total;
    if (!this.live) this.seek.value = Math.floor(a.currentTime);
    var now = Date.now();
    if (now - this.lastSave > 10000) { this.lastSave = now; this.save(false); }
    this.mediaPosition();
  };

  Player.prototype.save = function (finished, keepalive) {
    if (!this.item || (this.live && !finished)) return Promise.resolve({});
    var a = this.audio;
    return api("PUT", "/api/audio/position/" + this.item.kind + "/" + this.item.id,
      { position: a.currentTime || 0, duration: isFinite(a.duration) ? a.duration : null, finished: !!finished },
      keepalive);
  };

  Player.prototype.ended = function () {
    var self = this, item = this.item;
    if (!item) return;
    this.stopPolling();
    // A live stream also ends when its narration failed: only a finished one counts as heard.
    api("GET", "/api/audio/" + item.kind + "/" + item.id).then(function (st) {
      if (self.item !== item) return;
      if (st.status !== "ready") return self.failed(st.message || "the narration stopped", true);
      self.save(true).then(function (r) {
        self.say("Heard to the end: marked read.", "done");
        if (item.li) item.li.remove();
        self.next(false, r && r.next);
      });
    });
  };

  Player.prototype.failed = function (message, skip) {
    this.stopPolling();
    this.say(message, "failed");
    if (this.item && this.item.li) {
      this.item.li.dataset.skip = "1";
      this.item.li.dataset.status = "failed";
      var s = this.item.li.querySelector(".listen-item-status");
      if (s) s.textContent = message;
    }
    if (skip) this.next(false);  // the queue goes on
  };

  Player.prototype.next = function (userAsked, nextItem) {
    var self = this;
    if (this.queueMode) {
      if (userAsked && this.item && this.item.li) this.item.li.dataset.skip = "1";
      var s = this.subject();
      this.item = null;
      this.audio.removeAttribute("src");
      if (s) return this.load(s);
      var now = this.root.querySelector(".listen-now");
      if (now) now.textContent = "The queue is done.";
      return this.playing(false);
    }
    // On an article page, the queue carries on after the article.
    var go = function (n) {
      if (!n || (self.item && n.kind === self.item.kind && n.id === self.item.id)) return;
      self.say("Next from your queue: " + n.title, "next");
      self.load({ kind: n.kind, id: n.id, title: n.title, outlet: n.outlet });
    };
    if (nextItem) return go(nextItem);
    api("GET", "/api/audio/queue").then(function (q) {
      var items = (q.items || []).filter(function (i) {
        return i.status !== "unavailable" && !(self.item && i.kind === self.item.kind && i.id === self.item.id);
      });
      go(items[0]);
    });
  };

  Player.prototype.enqueue = function (btn) {
    var kind = btn.dataset.kind || this.root.dataset.kind, id = parseInt(btn.dataset.id || this.root.dataset.id, 10);
    var self = this;
    api("POST", "/api/audio/queue", { kind: kind, id: id }).then(function (r) {
      if (r._status >= 400) return self.say(r.error || "could not add to the queue", "failed");
      btn.textContent = r.added ? "✓ Queued" : "✓ Already queued";
      btn.disabled = true;
    });
  };

  Player.prototype.remove = function (li) {
    var self = this;
    api("DELETE", "/api/audio/queue/" + li.dataset.kind + "/" + li.dataset.id).then(function () {
      var current = self.item && self.item.li === li;
      li.remove();
      if (current) self.next(false);
    });
  };

  Player.prototype.media = function () {
    if (!("mediaSession" in navigator) || !this.item) return;
    var self = this, a = this.audio;
    navigator.mediaSession.metadata = new MediaMetadata({
      title: this.item.title || "newsdesk", artist: this.item.outlet || "", album: "newsdesk" });
    var handlers = {
      play: function () { a.play().catch(function () {}); },
      pause: function () { a.pause(); },
      seekbackward: function (d) { self.skip(-((d && d.seekOffset) || 15)); },
      seekforward: function (d) { self.skip((d && d.seekOffset) || 15); },
      seekto: function (d) { if (!self.live && d && isFinite(d.seekTime)) a.currentTime = d.seekTime; },
      nexttrack: function () { self.next(true); }
    };
    Object.keys(handlers).forEach(function (k) {
      try { navigator.mediaSession.setActionHandler(k, handlers[k]); } catch (e) { /* unsupported action */ }
    });
  };

  Player.prototype.mediaPosition = function () {
    var a = this.audio;
    if (!("mediaSession" in navigator) || !navigator.mediaSession.setPositionState) return;
    if (this.live || !isFinite(a.duration) || a.duration <= 0) return;
    try {
      navigator.mediaSession.setPositionState({ duration: a.duration, playbackRate: a.playbackRate,
        position: Math.min(a.currentTime, a.duration) });
    } catch (e) { /* a position past the end while seeking */ }
  };

  function start() {
    document.querySelectorAll("section.listen").forEach(function (el) {
      if (!el.dataset.ready) { el.dataset.ready = "1"; new Player(el); }
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
