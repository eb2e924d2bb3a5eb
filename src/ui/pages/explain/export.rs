//! Downloads made in the browser: the normalised plan as JSON and the flame graph as SVG, via a
//! Blob, an object URL and a temporary anchor (nothing is uploaded anywhere).

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
    let document = gloo::utils::document();
    let anchor = document
        .create_element("a")
        .map_err(|_| fail("link"))?
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .map_err(|_| fail("link"))?;
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    let _ = web_sys::Url::revoke_object_url(&url);
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
    let serializer = web_sys::XmlSerializer::new().map_err(|_| "no XML serializer".to_string())?;
    let markup = serializer
        .serialize_to_string(&element)
        .map_err(|_| "could not serialise the graph".to_string())?;
    Ok(format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{markup}\n"
    ))
}
