//! How the window draws on Linux: WebKit's GPU compositing, or WebKit painting on the CPU.
//!
//! WebKitGTK composites pages with OpenGL. On a PC with no GPU driver there is no DRM render node
//! (`/dev/dri/renderD*`). That covers many virtual machines and remote desktops, and office PCs
//! with basic graphics. There, the OpenGL is Mesa's llvmpipe, a software emulation. It compiles a
//! shader for each new kind of thing drawn, and it composites on the CPU anyway. Under Xvfb this
//! made the overview's first paint (page start to figures shown) about 3.3 s, against about 1.1 s
//! with WebKit's own painting on the CPU.
//!
//! So the window turns WebKit's accelerated compositing off (`WEBKIT_DISABLE_COMPOSITING_MODE`,
//! read when the web view is made) when there is no render node. A machine with a GPU keeps
//! WebKit's default. `TAIZHANG_RENDERING=gpu` or `=cpu` overrides the guess. If the user set
//! `WEBKIT_DISABLE_COMPOSITING_MODE` themselves, it is left as it is. Other platforms draw
//! their own way (WebView2 on Windows) and are not touched.

use std::path::Path;

/// The way the window draws, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rendering {
    /// True: accelerated compositing is turned off and WebKit paints on the CPU.
    pub cpu: bool,
    /// Why, for the log.
    pub why: &'static str,
}

/// The environment variable that overrides the guess: `gpu` or `cpu`.
pub const OVERRIDE: &str = "TAIZHANG_RENDERING";
/// WebKitGTK's own switch; any value turns compositing off.
const WEBKIT_SWITCH: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";

/// Decides, from the override, whether the user set WebKit's switch, and whether a render node exists.
pub fn decide(
    override_value: Option<&str>,
    webkit_switch_set: bool,
    render_node: bool,
) -> Rendering {
    match override_value
        .map(|v| v.trim().to_ascii_lowercase())
        .as_deref()
    {
        Some("cpu") => Rendering {
            cpu: true,
            why: "TAIZHANG_RENDERING=cpu",
        },
        Some("gpu") => Rendering {
            cpu: false,
            why: "TAIZHANG_RENDERING=gpu",
        },
        _ if webkit_switch_set => Rendering {
            cpu: true,
            why: "WEBKIT_DISABLE_COMPOSITING_MODE set by the user",
        },
        _ if render_node => Rendering {
            cpu: false,
            why: "a GPU render node exists",
        },
        _ => Rendering {
            cpu: true,
            why: "no GPU render node (/dev/dri/renderD*): software OpenGL would be slower",
        },
    }
}

/// Whether `dir` (normally `/dev/dri`) holds a render node.
pub fn has_render_node(dir: &Path) -> bool {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .any(|e| e.file_name().to_string_lossy().starts_with("renderD"))
        })
        .unwrap_or(false)
}

/// Decides for this machine and, on Linux, sets WebKit's switch when painting on the CPU.
/// Call it first in `main`, before any thread starts and before the window is made.
pub fn choose_and_apply() -> Rendering {
    let webkit_switch_set = std::env::var_os(WEBKIT_SWITCH).is_some();
    let choice = decide(
        std::env::var(OVERRIDE).ok().as_deref(),
        webkit_switch_set,
        has_render_node(Path::new("/dev/dri")),
    );
    if cfg!(target_os = "linux") && choice.cpu && !webkit_switch_set {
        std::env::set_var(WEBKIT_SWITCH, "1");
    } else if cfg!(target_os = "linux") && !choice.cpu && webkit_switch_set {
        // `TAIZHANG_RENDERING=gpu` wins over a switch left in the environment.
        std::env::remove_var(WEBKIT_SWITCH);
    }
    choice
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_render_node_means_cpu_painting_and_a_gpu_keeps_webkits_default() {
        assert!(decide(None, false, false).cpu);
        assert!(!decide(None, false, true).cpu);
    }

    #[test]
    fn the_override_wins_and_a_users_webkit_switch_is_kept() {
        assert!(!decide(Some("GPU"), false, false).cpu);
        assert!(!decide(Some("gpu"), true, false).cpu);
        assert!(decide(Some(" cpu "), false, true).cpu);
        assert!(decide(None, true, true).cpu);
        // A value it does not know is ignored, not an error.
        assert!(!decide(Some("fast"), false, true).cpu);
    }

    #[test]
    fn a_render_node_is_found_by_its_name() {
        let dir = tempfile::tempdir().unwrap();
        assert!(!has_render_node(dir.path()));
        std::fs::write(dir.path().join("card0"), b"").unwrap();
        assert!(!has_render_node(dir.path()));
        std::fs::write(dir.path().join("renderD128"), b"").unwrap();
        assert!(has_render_node(dir.path()));
        assert!(!has_render_node(&dir.path().join("missing")));
    }
}
