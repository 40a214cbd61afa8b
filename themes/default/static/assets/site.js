// 默认主题的唯一脚本：只负责显示“打印”按钮。没有脚本时按钮保持隐藏，页面其余功能不受影响。
(function () {
  "use strict";
  if (typeof window.print !== "function") return;
  var buttons = document.querySelectorAll("[data-print]");
  for (var i = 0; i < buttons.length; i++) {
    buttons[i].hidden = false;
    buttons[i].addEventListener("click", function () { window.print(); });
  }
})();
