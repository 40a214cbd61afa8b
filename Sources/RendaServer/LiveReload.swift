import Foundation

/// The script `renda serve` adds to every HTML page it sends (never to the files it writes, which
/// stay equal to `renda build` output). It asks the server, by long polling, whether the site was
/// rebuilt or has errors: after a rebuild it reloads the page; while there are errors it shows
/// them over the page, exactly as `renda check` prints them, and hides them once they are fixed.
enum LiveReload {
    /// Where the server answers; outside any site's base path.
    static let prefix = "/__renda/"
    static let scriptPath = prefix + "live.js"
    static let statusPath = prefix + "status"

    /// The page with the script tag before its last `</body>` (or at its end).
    static func inject(into html: Data, build: Int) -> Data {
        let tag = Data("<script data-renda-build=\"\(build)\" src=\"\(scriptPath)\"></script>\n".utf8)
        guard let close = html.range(of: Data("</body>".utf8), options: .backwards) else { return html + tag }
        var result = html
        result.replaceSubrange(close.lowerBound..<close.lowerBound, with: tag)
        return result
    }

    static let script = #"""
    // renda serve: live reload and the build error overlay (preview only).
    (function () {
      "use strict";
      var tag = document.querySelector("script[data-renda-build]");
      var build = tag ? Number(tag.getAttribute("data-renda-build")) : -1;
      var version = -1;
      var overlay = null;

      function show(errors, headline) {
        if (!overlay) {
          overlay = document.createElement("div");
          overlay.id = "renda-error-overlay";
          overlay.setAttribute("role", "alertdialog");
          overlay.setAttribute("aria-labelledby", "renda-error-title");
          overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;" +
            "background:rgba(20,20,20,.94);color:#f5f5f5;padding:2rem;font:15px/1.6 system-ui,sans-serif";
          document.body.appendChild(overlay);
        }
        overlay.textContent = "";
        var title = document.createElement("h2");
        title.id = "renda-error-title";
        title.style.cssText = "margin:0 0 .5rem;color:#ff8a80;font-size:1.4rem";
        title.textContent = headline;
        var note = document.createElement("p");
        note.style.cssText = "margin:0 0 1rem";
        note.textContent = "下面的信息与 renda check 给出的相同。改正并保存后，本页会自动刷新；在此之前显示的是上一次成功生成的页面。";
        var text = document.createElement("pre");
        text.style.cssText = "white-space:pre-wrap;font:14px/1.6 ui-monospace,monospace;background:#000;padding:1rem;border-radius:4px";
        text.textContent = errors.join("\n");
        var close = document.createElement("button");
        close.type = "button";
        close.textContent = "暂时隐藏";
        close.style.cssText = "margin-top:1rem;font-size:1rem;padding:.3rem 1rem";
        close.onclick = function () { overlay.style.display = "none"; };
        overlay.appendChild(title);
        overlay.appendChild(note);
        overlay.appendChild(text);
        overlay.appendChild(close);
        overlay.style.display = "block";
        close.focus();
      }

      function hide() {
        if (overlay) { overlay.remove(); overlay = null; }
      }

      function poll() {
        fetch("\#(statusPath)?since=" + version, { cache: "no-store" })
          .then(function (response) { return response.json(); })
          .then(function (status) {
            version = status.version;
            if (status.errors.length > 0) {
              show(status.errors, status.headline);
            } else if (build >= 0 && status.build !== build) {
              location.reload();
              return;
            } else {
              hide();
            }
            poll();
          })
          .catch(function () { setTimeout(poll, 1000); });
      }
      poll();
    })();
    """#
}
