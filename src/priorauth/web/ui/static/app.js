// After an evidence item opens in the side panel: move the keyboard focus there and bring the cited words into view.
document.addEventListener("htmx:afterSwap", function (e) {
  if (e.detail.target.id !== "evidence-panel") return;
  e.detail.target.focus();
  var mark = document.getElementById("cited");
  if (mark) mark.scrollIntoView({ block: "center" });
});
