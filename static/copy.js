// Copy buttons without wasm: any <button data-copy-target="ID"> copies the text of element ID.
// It lives outside the wasm so it still works on the panic panel, after the wasm has aborted.
document.addEventListener("click", function (event) {
  var button = event.target instanceof Element ? event.target.closest("button[data-copy-target]") : null;
  if (!button) return;
  var source = document.getElementById(button.getAttribute("data-copy-target"));
  if (!source) return;
  var text = "value" in source ? source.value : source.textContent;
  var done = function () {
    var label = button.textContent;
    button.textContent = "Copied";
    setTimeout(function () { button.textContent = label; }, 1500);
  };
  if (navigator.clipboard && navigator.clipboard.writeText) {
    navigator.clipboard.writeText(text).then(done, function () {
      if (source.select) { source.select(); }
    });
  } else if (source.select) {
    source.select();
    document.execCommand("copy");
    done();
  }
});
