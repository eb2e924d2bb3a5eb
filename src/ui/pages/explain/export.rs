//! Downloads made in the browser: the normalised plan as JSON and the flame graph as SVG or PNG, via
//! a Blob, an object URL and a temporary anchor (nothing is uploaded anywhere). The PNG is the SVG
//! drawn onto a canvas at twice its size.

use wasm_bindgen::JsCast;

/// Offers `content` as a file named `name`; returns a message when the browser refuses.
pub fn download(name: &str, mime: &str, content: &str) -> Result<(), String> {
    let fail = |what: &str| format!("Could not prepare the download ({what}).");
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| fail("blob"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| fail("URL"))?;
    let result = click_link(name, &url);
    let _ = web_sys::Url::revoke_object_url(&url);
    result
}

/// Offers the resource at `href` (an object or data URL) as a file named `name`.
fn click_link(name: &str, href: &str) -> Result<(), String> {
    let fail = |what: &str| format!("Could not prepare the download ({what}).");
    let document = gloo::utils::document();
    let anchor = document
        .create_element("a")
        .map_err(|_| fail("link"))?
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .map_err(|_| fail("link"))?;
    anchor.set_href(href);
    anchor.set_download(name);
    anchor.click();
    Ok(())
}

/// The normalised plan, analysis and hints of `text` as pretty JSON (the same model the CLI prints).
pub fn plan_json(text: &str) -> Result<String, String> {
    let report = crate::explain::explain(text).map_err(|e| e.message)?;
    serde_json::to_string_pretty(&report).map_err(|e| e.to_string())
}

/// The SVG element with id `id`, serialised as a standalone file.
pub fn svg_markup(id: &str) -> Result<String, String> {
    let element = gloo::utils::document()
        .get_element_by_id(id)
        .ok_or_else(|| "Open the Flame tab first.".to_string())?;
    // The page sizes the graph with CSS; a file needs its own size, taken from the viewBox.
    let copy = element
        .clone_node_with_deep(true)
        .ok()
        .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        .ok_or_else(|| "could not copy the graph".to_string())?;
    if let Some((w, h)) = view_box_size(&copy) {
        let _ = copy.set_attribute("width", &format!("{w}"));
        let _ = copy.set_attribute("height", &format!("{h}"));
    }
    let serializer = web_sys::XmlSerializer::new().map_err(|_| "no XML serializer".to_string())?;
    let markup = serializer
        .serialize_to_string(&copy)
        .map_err(|_| "could not serialise the graph".to_string())?;
    Ok(format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{markup}\n"
    ))
}

/// Width and height from an SVG element's `viewBox`.
fn view_box_size(svg: &web_sys::Element) -> Option<(f64, f64)> {
    let view_box = svg.get_attribute("viewBox")?;
    let parts: Vec<f64> = view_box
        .split_whitespace()
        .filter_map(|p| p.parse().ok())
        .collect();
    match parts.as_slice() {
        [_, _, w, h] if *w > 0.0 && *h > 0.0 => Some((*w, *h)),
        _ => None,
    }
}

/// Draws the SVG element with id `id` on a white canvas at twice its size and offers it as a PNG.
/// The image loads asynchronously; `done` receives an error message, if any.
pub fn png(id: &str, name: &'static str, done: impl FnOnce(Option<String>) + 'static) {
    let markup = match svg_markup(id) {
        Ok(m) => m,
        Err(e) => return done(Some(e)),
    };
    let size = gloo::utils::document()
        .get_element_by_id(id)
        .and_then(|e| view_box_size(&e));
    let Some((w, h)) = size else {
        return done(Some("The graph has no size.".into()));
    };
    png_from_markup(markup, w, h, name, done);
}

/// Draws SVG `markup` of size `w` × `h` and offers it as a PNG named `name`.
pub fn png_from_markup(
    markup: String,
    w: f64,
    h: f64,
    name: &'static str,
    done: impl FnOnce(Option<String>) + 'static,
) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(&markup));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("image/svg+xml");
    let url = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .and_then(|b| web_sys::Url::create_object_url_with_blob(&b));
    let (Ok(url), Ok(image)) = (url, web_sys::HtmlImageElement::new()) else {
        return done(Some("Could not prepare the image.".into()));
    };
    let target = image.clone();
    let url_for_load = url.clone();
    gloo::events::EventListener::once(&image, "load", move |_| {
        let result = draw(&target, w, h).and_then(|data| click_link(name, &data));
        let _ = web_sys::Url::revoke_object_url(&url_for_load);
        done(result.err());
    })
    .forget();
    image.set_src(&url);
}

/// The image drawn on a white canvas at 2×, as a PNG data URL.
fn draw(image: &web_sys::HtmlImageElement, w: f64, h: f64) -> Result<String, String> {
    let fail = || "Could not draw the image.".to_string();
    let canvas = gloo::utils::document()
        .create_element("canvas")
        .ok()
        .and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok())
        .ok_or_else(fail)?;
    // Browsers cap canvas size; very tall graphs are drawn at 1×.
    let scale = if w * h * 4.0 > 60_000_000.0 { 1.0 } else { 2.0 };
    canvas.set_width((w * scale) as u32);
    canvas.set_height((h * scale) as u32);
    let context = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
        .ok_or_else(fail)?;
    context.set_fill_style_str("#ffffff");
    context.fill_rect(0.0, 0.0, w * scale, h * scale);
    context
        .draw_image_with_html_image_element_and_dw_and_dh(image, 0.0, 0.0, w * scale, h * scale)
        .map_err(|_| fail())?;
    canvas.to_data_url().map_err(|_| fail())
}
