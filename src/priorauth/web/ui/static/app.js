// After an evidence item opens in the side panel: move the keyboard focus there and bring the cited words into view.
document.addEventListener("htmx:afterSwap", function (e) {
  if (e.detail.target.id !== "evidence-panel") return;
  e.detail.target.focus();
  var mark = document.getElementById("cited");
  if (mark) mark.scrollIntoView({ block: "center" });
});

// Upload: the payer packs offered are the chosen drug's (each drug has its own packs; "default" is each drug's).
document.addEventListener("change", function (e) {
  if (!e.target || e.target.id !== "drug") return;
  var payer = document.getElementById("payer");
  if (!payer) return;
  payer.querySelectorAll("optgroup").forEach(function (g) {
    var mine = g.getAttribute("data-drug") === e.target.value;
    g.disabled = !mine;
    g.hidden = !mine;
  });
  if (payer.selectedOptions.length && payer.selectedOptions[0].parentElement.disabled) payer.value = "";
});

// Paper (issue 17): a file dropped on the case's drop zone is put in its file field and the form is sent.
document.addEventListener("dragover", function (e) {
  var zone = e.target.closest && e.target.closest("#dropzone");
  if (!zone) return;
  e.preventDefault();
  zone.classList.add("over");
});
document.addEventListener("dragleave", function (e) {
  var zone = e.target.closest && e.target.closest("#dropzone");
  if (zone) zone.classList.remove("over");
});
document.addEventListener("drop", function (e) {
  var zone = e.target.closest && e.target.closest("#dropzone");
  if (!zone) return;
  e.preventDefault();
  zone.classList.remove("over");
  if (!e.dataTransfer || !e.dataTransfer.files.length) return;
  var input = document.getElementById("case-document");
  input.files = e.dataTransfer.files;
  zone.closest("form").requestSubmit();
});
