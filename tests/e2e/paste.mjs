// Pastes text into an editor as a user would (one input event) and measures, in the page's own
// clock, the time until `ready` holds and the next frame is painted.

/**
 * @param page      a Playwright page
 * @param selector  the textarea
 * @param text      what to paste
 * @param ready     a function run in the page (polled every frame) that returns true when the
 *                  result is on screen; it receives `arg`
 * @returns milliseconds from the input event to the painted result
 */
export async function pasteAndTime(page, selector, text, ready, arg) {
  await page.evaluate(
    ({ selector, text }) => {
      const area = document.querySelector(selector);
      window.__pgdojoPasteStarted = performance.now();
      area.value = text;
      area.dispatchEvent(new InputEvent("input", { bubbles: true }));
    },
    { selector, text },
  );
  await page.waitForFunction(ready, arg, { polling: "raf", timeout: 60000 });
  return page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now() - window.__pgdojoPasteStarted))),
  );
}
