//! Exports a finished run: the time series as CSV (with the wasted transactions per interval), or
//! scenario + report + series as JSON, saved through a Blob URL (nothing leaves the browser).

use serde::Serialize;
use wasm_bindgen::JsCast;

use crate::pool::{Report, Scenario, SeriesPoint};

use super::jobs::RunView;

/// The JSON export: enough to rerun (the scenario) and to compare (the report and series).
#[derive(Serialize)]
struct Export<'a> {
    scenario: &'a Scenario,
    report: &'a Report,
    series: &'a [SeriesPoint],
}

/// The run as pretty JSON.
pub fn json(run: &RunView) -> String {
    serde_json::to_string_pretty(&Export {
        scenario: &run.scenario,
        report: &run.report,
        series: &run.series,
    })
    .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

/// The time series as CSV, one row per interval.
pub fn csv(run: &RunView) -> String {
    let mut out = String::from(
        "t_s,arrivals,completed,failed,throughput_rps,latency_p50_ms,latency_p99_ms,mean_in_flight,\
         mean_waiting,mean_busy_connections,mean_open_connections,mean_db_busy_cores,wasted\n",
    );
    for p in run.series.iter() {
        out.push_str(&format!(
            "{},{},{},{},{},{},{},{},{},{},{},{},{}\n",
            p.t_ms / 1000.0,
            p.arrivals,
            p.completed,
            p.failed,
            p.throughput_rps,
            p.latency_p50_ms,
            p.latency_p99_ms,
            p.mean_in_flight,
            p.mean_waiting,
            p.mean_busy_connections,
            p.mean_open_connections,
            p.mean_db_busy_cores,
            p.wasted
        ));
    }
    out
}

/// Offers `text` as a file download; best effort (a failure only means no download).
pub fn download(filename: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let document = gloo::utils::document();
    if let Some(a) = document
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        a.set_href(&url);
        a.set_download(filename);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}
