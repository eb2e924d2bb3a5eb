// Applies the remembered theme before the app loads, so a reload never flashes the wrong colours.
// The key and values match src/ui/theme.rs.
(function () {
  try {
    var stored = window.localStorage.getItem("pgdojo.theme");
    var theme = stored ? JSON.parse(stored) : "auto";
    if (theme === "light" || theme === "dark" || theme === "auto") {
      document.documentElement.setAttribute("data-theme", theme);
    }
  } catch (e) {
    // Storage disabled or a tampered value: keep "auto".
  }
})();
