//! The app holds no more permission than the UI uses, and loads nothing
//! from anywhere but itself.

use std::path::Path;

use serde_json::Value;

fn read(path: &str) -> Value {
    let full = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    serde_json::from_str(&std::fs::read_to_string(&full).unwrap()).unwrap()
}

/// The agreed permissions: Tauri's core defaults, nothing else. File dialogs
/// are opened by the backend, so the UI needs no dialog or file permission.
const AGREED: &[&str] = &["core:default"];

#[test]
fn capabilities_hold_only_the_agreed_permissions() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("capabilities");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let cap: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        for permission in cap["permissions"].as_array().unwrap() {
            let name = permission
                .as_str()
                .or_else(|| permission["identifier"].as_str())
                .unwrap();
            assert!(
                AGREED.contains(&name),
                "{}: the permission {name:?} is not on the agreed list {AGREED:?}",
                path.display()
            );
        }
        assert!(
            cap.get("remote").is_none(),
            "{}: remote URLs may not use IPC",
            path.display()
        );
        seen += 1;
    }
    assert_eq!(seen, 1, "one capability file");
}

#[test]
fn the_content_security_policy_names_no_remote_origin() {
    let conf = read("tauri.conf.json");
    let csp = conf["app"]["security"]["csp"].as_str().unwrap();
    for directive in csp.split(';') {
        for source in directive.split_whitespace().skip(1) {
            let allowed = matches!(
                source,
                "'self'" | "'none'" | "data:" | "ipc:" | "http://ipc.localhost"
            );
            assert!(allowed, "the CSP allows {source:?} in {directive:?}");
        }
    }
    assert!(csp.contains("default-src 'self'"));
    assert!(csp.contains("object-src 'none'"));
    assert_eq!(conf["app"]["withGlobalTauri"], false);
}

/// The binary this test run built (without the `e2e-dialogs` feature, as
/// every build but the end-to-end one): the dialog answers of a test
/// harness are not in it, so no environment variable can skip a dialog.
#[cfg(not(feature = "e2e-dialogs"))]
#[test]
fn an_app_built_without_the_test_feature_has_no_dialog_answers() {
    let binary = std::fs::read(env!("CARGO_BIN_EXE_offerwright-app")).unwrap();
    // std's own (optimised) substring search, over the bytes as text.
    let text = String::from_utf8_lossy(&binary);
    for name in [
        "OFFERWRIGHT_DIALOG_DIR",
        "OFFERWRIGHT_DIALOG_OPEN",
        "OFFERWRIGHT_DIALOG_FOLDER",
    ] {
        assert!(!text.contains(name), "the app binary reads {name}");
    }
}
