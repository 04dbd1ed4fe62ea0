//! The yardstick for the app's first paint: a bare Tauri 2 window of the app's size that shows
//! one static page (served by a custom protocol, as the app's own pages are) and nothing else —
//! no plugins, no menu, no ledger. `tests/e2e/measure-window.mjs` launches it and the app the
//! same way and compares when each has painted its page.
//!
//!   cargo build --release --example bare-window

// No console window beside it on Windows release builds, as the app.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use tauri::http::Response;
use tauri::{WebviewUrl, WebviewWindowBuilder};

/// A page about the size of a plain document, which marks when its first frame is painted
/// (`performance.mark('painted')`: after the frame's requestAnimationFrame, as the app does).
const PAGE: &str = r#"<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>台账 · bare window</title>
<style>body{font-family:"Noto Sans CJK SC",sans-serif;margin:24px}</style></head>
<body><h1>五大行动 · 进度概览</h1><p>一个静态页面：没有脚本框架，没有数据。</p>
<script>requestAnimationFrame(() => setTimeout(() => performance.mark('painted')));</script>
</body></html>"#;

fn main() {
    let mut context = tauri::generate_context!();
    // The app's window comes from tauri.conf.json; this one is made below with the same size.
    context.config_mut().app.windows.clear();
    tauri::Builder::default()
        .register_uri_scheme_protocol("bare", |_ctx, _request| {
            Response::builder()
                .header("Content-Type", "text/html; charset=utf-8")
                .body(PAGE.as_bytes().to_vec())
                .expect("a static response")
        })
        .setup(|app| {
            let url = WebviewUrl::CustomProtocol("bare://localhost/".parse().expect("a URL"));
            WebviewWindowBuilder::new(app, "main", url)
                .title("台账 · bare window")
                .inner_size(1280.0, 800.0)
                .center()
                .build()?;
            Ok(())
        })
        .run(context)
        .expect("the bare window could not start");
}
