/* unreport: Web Workers for a site opened from disk (file://).

   Browsers refuse to start a Worker from a file:// script, and Material's search
   runs its index in a worker. This stand-in runs the worker's script in a hidden
   iframe of the same page instead: the page's postMessage() becomes a "message"
   event in the iframe, and the script's own postMessage() a "message" event on
   the stand-in, as with a real worker. importScripts() loads scripts in order
   and returns a promise (Material's worker awaits it).

   The offline bundle (`unreport bundle`) lists this file among Material's
   "polyfills"; the normal site does not load it, and it does nothing unless the
   page is a file:// page. The name contains "iframe-worker" so that Material's
   offline plugin does not add its own copy of such a shim from a CDN. Written
   for unreport; no third-party code. */
(function () {
  "use strict";

  if (location.protocol !== "file:" || typeof EventTarget !== "function") {
    return;
  }

  function loadScript(doc, url) {
    return new Promise(function (resolve, reject) {
      var script = doc.createElement("script");
      script.src = url;
      script.onload = function () { resolve(); };
      script.onerror = function () { reject(new Error("could not load " + url)); };
      doc.head.appendChild(script);
    });
  }

  class IFrameWorker extends EventTarget {
    constructor(url) {
      super();
      var self = this;
      var scriptUrl = new URL(String(url), location.href).href;
      this.onmessage = null;
      this.onerror = null;
      this._queue = [];
      this._ready = false;
      this._frame = document.createElement("iframe");
      this._frame.hidden = true;
      this._frame.tabIndex = -1;
      this._frame.title = "Search worker";
      this._frame.setAttribute("aria-hidden", "true");
      (document.body || document.documentElement).appendChild(this._frame);

      var scope = this._frame.contentWindow;
      var doc = this._frame.contentDocument;
      scope.postMessage = function (data) {
        setTimeout(function () { self._emit("message", data); }, 0);
      };
      scope.importScripts = function () {
        var urls = Array.prototype.slice.call(arguments);
        return urls.reduce(function (done, next) {
          return done.then(function () { return loadScript(doc, new URL(next, scriptUrl).href); });
        }, Promise.resolve());
      };
      scope.close = function () { self.terminate(); };
      loadScript(doc, scriptUrl).then(function () {
        self._ready = true;
        self._queue.splice(0).forEach(function (data) { self.postMessage(data); });
      }, function (error) {
        self._emit("error", error.message);
      });
    }

    postMessage(data) {
      var frame = this._frame;
      if (!this._ready) {
        this._queue.push(data);
        return;
      }
      setTimeout(function () {
        var scope = frame.contentWindow;
        if (scope) {
          scope.dispatchEvent(new scope.MessageEvent("message", { data: data }));
        }
      }, 0);
    }

    terminate() {
      this._frame.remove();
    }

    _emit(type, data) {
      var event = type === "message"
        ? new MessageEvent("message", { data: data })
        : new ErrorEvent("error", { message: String(data) });
      var handler = type === "message" ? this.onmessage : this.onerror;
      if (typeof handler === "function") {
        handler.call(this, event);
      }
      this.dispatchEvent(event);
    }
  }

  window.IFrameWorker = IFrameWorker;
  window.Worker = IFrameWorker;
})();
