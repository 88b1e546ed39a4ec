//! The Offerwright desktop shell: the only crate that knows about Tauri.
//!
//! It opens the store once at start (in the OS data directory, or
//! `$OFFERWRIGHT_DATA_DIR`) as an [`offerwright::api::Session`], with the
//! native dialogs and the local calendar, and routes every command of the
//! UI to the core's command table ([`offerwright::api::call`]), off the
//! main thread. Only the commands about the window itself are the shell's
//! own ([`commands`]). File dialogs are opened here, by the backend
//! ([`dialogs`]), so the UI needs no file system or dialog permission at
//! all.

pub mod commands;
pub mod dialogs;

use std::sync::Arc;

use offerwright::api::{self, Dialogs, Session};
use offerwright::store;
use tauri::ipc::{Invoke, InvokeBody};

/// The event that asks the UI to save what is pending before the window
/// closes; its payload numbers the request.
pub const CLOSE_REQUESTED: &str = "offerwright://close-requested";
/// How long a close waits for the UI to answer that it has the request. A
/// UI that has it closes the window (`close_window`) once every pending save
/// has succeeded, or keeps it open with the error and a "Close anyway"; a UI
/// that does not answer at all cannot save anything, and the window closes.
const CLOSE_ANSWER: std::time::Duration = std::time::Duration::from_secs(5);

/// The close requests made and answered, numbered.
#[derive(Debug, Default)]
pub struct Closing {
    asked: std::sync::atomic::AtomicU64,
    answered: std::sync::atomic::AtomicU64,
}

impl Closing {
    /// The UI has close request `n` and is saving.
    pub fn answer(&self, n: u64) {
        self.answered
            .fetch_max(n, std::sync::atomic::Ordering::SeqCst);
    }
}

/// The event that tells the UI a second start of the app was turned into
/// this window coming to the front.
pub const SECOND_START: &str = "offerwright://second-start";

/// The local time now: the only clock the app reads.
pub fn local_now() -> chrono::DateTime<chrono::FixedOffset> {
    chrono::Local::now().fixed_offset()
}

/// A session on the store in `dir` with these dialogs and the local clock.
pub fn session(dir: &std::path::Path, dialogs: Box<dyn Dialogs>) -> Arc<Session> {
    Arc::new(Session::open(dir, dialogs, Box::new(local_now)))
}

/// Builds the app on any runtime, over `session`: the real one in [`run`],
/// the mock one in tests.
pub fn app<R: tauri::Runtime>(
    builder: tauri::Builder<R>,
    session: Arc<Session>,
) -> tauri::Builder<R> {
    shell(builder.manage(session))
}

/// Every IPC call: the shell's own window commands, else the core's table,
/// run off the main thread (a dialog waits for the user there).
fn handler<R: tauri::Runtime>() -> impl Fn(Invoke<R>) -> bool + Send + Sync + 'static {
    let own = commands::handler::<R>();
    move |invoke: Invoke<R>| {
        use tauri::Manager as _;
        if commands::OWN.contains(&invoke.message.command()) {
            return own(invoke);
        }
        let command = invoke.message.command().to_owned();
        let args = match invoke.message.payload() {
            InvokeBody::Json(v) => v.clone(),
            InvokeBody::Raw(_) => serde_json::Value::Null,
        };
        let Some(session) = invoke
            .message
            .webview()
            .try_state::<Arc<Session>>()
            .map(|s| s.inner().clone())
        else {
            invoke.resolver.reject(offerwright::error::UserError::new(
                offerwright::error::ErrorCode::Internal,
                "the store is not open yet",
            ));
            return true;
        };
        let resolver = invoke.resolver;
        tauri::async_runtime::spawn_blocking(move || match api::call(&session, &command, args) {
            Ok(value) => resolver.resolve(value),
            Err(e) => resolver.reject(e),
        });
        true
    }
}

/// The plugins, the close handling and the commands, without the state.
fn shell<R: tauri::Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
    builder
        .plugin(tauri_plugin_dialog::init())
        .manage(Arc::new(Closing::default()))
        .on_window_event(|window, event| {
            // Hold the close until the UI has saved its last keystrokes
            // (it calls `close_window`): never while a save is pending or
            // has failed, unless the user says "Close anyway".
            if let tauri::WindowEvent::CloseRequested { api, .. } = event {
                use std::sync::atomic::Ordering;
                use tauri::{Emitter as _, Manager as _};
                api.prevent_close();
                let closing = window.state::<Arc<Closing>>().inner().clone();
                let n = closing
                    .asked
                    .fetch_add(1, Ordering::SeqCst)
                    .saturating_add(1);
                if window.emit(CLOSE_REQUESTED, n).is_err() {
                    let _ = window.destroy();
                    return;
                }
                let window = window.clone();
                std::thread::spawn(move || {
                    std::thread::sleep(CLOSE_ANSWER);
                    if closing.answered.load(Ordering::SeqCst) < n {
                        let _ = window.destroy();
                    }
                });
            }
        })
        .invoke_handler(handler())
}

/// Starts the desktop app.
pub fn run() {
    let started = std::time::Instant::now();
    let dir = store::data_dir(None);
    // One app per store: a second start brings the first window forward and
    // exits before it opens the store (on Linux the instances find each
    // other on the D-Bus session bus, under a name made from the data
    // folder; without a session bus each start runs on its own, and the
    // store's locking still keeps every write whole).
    let builder = tauri::Builder::default().plugin(
        tauri_plugin_single_instance::Builder::new()
            .dbus_id(single_instance_id(&dir))
            .callback(|app, _args, _cwd| bring_forward(app))
            .build(),
    );
    let timing = std::env::var_os("OFFERWRIGHT_TIMING").is_some();
    #[expect(
        clippy::disallowed_methods,
        reason = "tauri::generate_context! expands to code that calls std::process::exit"
    )]
    let context = tauri::generate_context!();
    // The store is opened once the plugins are set up, so that a second
    // start has handed over and exited before it could open the store.
    let builder = builder.setup(move |app| {
        use tauri::Manager as _;
        if timing {
            eprintln!(
                "offerwright-app: set up {} ms after start",
                started.elapsed().as_millis()
            );
        }
        let dialogs: Box<dyn Dialogs> = match dialogs::from_env() {
            Some(preset) => Box::new(preset),
            None => Box::new(dialogs::Native::new(app.handle().clone())),
        };
        app.manage(session(&dir, dialogs));
        app.manage(commands::Started(started));
        if timing {
            eprintln!(
                "offerwright-app: store opened {} ms after start",
                started.elapsed().as_millis()
            );
        }
        #[cfg(target_os = "linux")]
        if let Some(window) = app.get_webview_window("main") {
            software_rendering(&window);
        }
        Ok(())
    });
    let result = shell(builder).run(context);
    if let Err(e) = result {
        eprintln!("offerwright-app: {e}");
    }
}

/// The D-Bus name under which the app that has the store in `dir` open
/// answers a second start: the app's identifier and a hash of the folder.
pub fn single_instance_id(dir: &std::path::Path) -> String {
    use std::hash::{Hash as _, Hasher as _};
    let mut hasher = std::hash::DefaultHasher::new();
    dir.hash(&mut hasher);
    format!("org.offerwright.desktop.store_{:016x}", hasher.finish())
}

/// Draws the window without GPU compositing. Offerwright's screens are
/// forms, tables and text: WebKitGTK's compositing mode gains them nothing
/// visible and costs about 100 MB in the web process (measured by
/// `ui/e2e/measure.mjs`; on drivers where it fails it also leaves the
/// window blank). Called in the setup hook, on the main thread, right after
/// the window is created.
#[cfg(target_os = "linux")]
fn software_rendering<R: tauri::Runtime>(window: &tauri::WebviewWindow<R>) {
    let _ = window.with_webview(|webview| {
        use webkit2gtk::{HardwareAccelerationPolicy, SettingsExt as _, WebViewExt as _};
        if let Some(settings) = webview.inner().settings() {
            settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
        }
    });
}

/// Brings the main window to the front and tells the UI why.
fn bring_forward<R: tauri::Runtime>(app: &tauri::AppHandle<R>) {
    use tauri::{Emitter as _, Manager as _};
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
        let _ = window.emit(SECOND_START, ());
    }
}
