//! The core's command table (`offerwright::api`) over HTTP on localhost,
//! for the UI's component tests: they call the real core, never a copy of
//! its rules. Each test opens a session on a store of its own (in a
//! temporary folder, with preset dialog answers), calls commands on it, and
//! closes it. Never installed; it listens on 127.0.0.1 only.
//!
//! ```text
//! POST /sessions                 {"empty"?, "today"?, "now"?, "brokenBackups"?} -> {"id", "dataDir", "savedDir"}
//! POST /sessions/ID/dialogs      {"saveDir"?, "openFile"?, "openFolder"?} (null: the dialog is cancelled)
//! POST /sessions/ID/today        {"today"}: the day the core calls today from now on (at noon, UTC)
//! POST /sessions/ID/files        {"name", "text"} -> {"path"}: a file in the session's folder
//! POST /sessions/ID/call/NAME    the command's arguments -> its result (200) or {code, message} (400)
//! DELETE /sessions/ID
//! ```
//!
//! Usage: `ui-server [PORT]` (0, the default, picks a free port); it prints
//! `listening on http://127.0.0.1:PORT` once it accepts connections.

use std::collections::HashMap;
use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use offerwright::api::{self, Dialogs, Preset, Session};
use offerwright::ops::exports::Filter;
use serde_json::{Value, json};

/// Dialog answers a test may change while its session runs.
#[derive(Default)]
struct Answers(Mutex<Preset>);

/// The session's dialogs: the answers as they stand when a dialog opens.
struct Shared(Arc<Answers>);

impl Dialogs for Shared {
    fn save(&self, title: &str, suggested: &str, filter: Filter) -> Option<PathBuf> {
        self.0.0.lock().ok()?.save(title, suggested, filter)
    }
    fn open(&self, title: &str, filter: Filter) -> Option<PathBuf> {
        self.0.0.lock().ok()?.open(title, filter)
    }
    fn folder(&self, title: &str) -> Option<PathBuf> {
        self.0.0.lock().ok()?.folder(title)
    }
}

struct Open {
    session: Arc<Session>,
    answers: Arc<Answers>,
    now: Arc<Mutex<chrono::DateTime<chrono::FixedOffset>>>,
    dir: tempfile::TempDir,
}

#[derive(Default)]
struct Server {
    sessions: Mutex<HashMap<u64, Arc<Open>>>,
    next: Mutex<u64>,
}

/// A response: status and JSON body.
type Reply = (u16, Value);

/// Noon on `day`, in UTC: the moment a test that gives only a day is at.
fn noon(day: chrono::NaiveDate) -> chrono::DateTime<chrono::FixedOffset> {
    day.and_hms_opt(12, 0, 0)
        .unwrap_or_default()
        .and_utc()
        .fixed_offset()
}

fn bad(message: impl Into<String>) -> Reply {
    (
        400,
        json!({ "code": "internal", "message": message.into() }),
    )
}

impl Server {
    fn session(&self, id: &str) -> Result<Arc<Open>, Reply> {
        let id: u64 = id.parse().map_err(|_| bad(format!("no session {id:?}")))?;
        self.sessions
            .lock()
            .map_err(|_| bad("the server's lock is poisoned"))?
            .get(&id)
            .cloned()
            .ok_or_else(|| bad(format!("no session {id}")))
    }

    fn open(&self, body: &Value) -> Result<Reply, Reply> {
        let dir = tempfile::tempdir().map_err(|e| bad(e.to_string()))?;
        let data = dir.path().join("data");
        let saved = dir.path().join("saved");
        std::fs::create_dir_all(&saved).map_err(|e| bad(e.to_string()))?;
        if body["brokenBackups"] == true {
            // The backups folder is a file: the daily backup cannot be made.
            std::fs::create_dir_all(&data).map_err(|e| bad(e.to_string()))?;
            std::fs::write(data.join("backups"), "not a folder").map_err(|e| bad(e.to_string()))?;
            // A store that exists already is backed up on its next open.
            drop(offerwright::store::Store::open_dir(&data).map_err(|e| bad(e.to_string()))?);
        }
        let now = match (body["now"].as_str(), body["today"].as_str()) {
            (Some(s), _) => {
                chrono::DateTime::parse_from_rfc3339(s).map_err(|e| bad(e.to_string()))?
            }
            (None, Some(s)) => noon(offerwright::domain::fields::parse_date(s).map_err(bad)?),
            (None, None) => chrono::Local::now().fixed_offset(),
        };
        if body["empty"] == true {
            // A store whose first run is behind it, and which was emptied.
            let mut store =
                offerwright::store::Store::open_dir(&data).map_err(|e| bad(e.to_string()))?;
            store
                .write(|tx| {
                    offerwright::store::settings::set(
                        tx,
                        offerwright::store::settings::DEMO_GIVEN,
                        "yes",
                    )
                })
                .map_err(|e| bad(e.to_string()))?;
        }
        let answers = Arc::new(Answers(Mutex::new(Preset {
            save_dir: Some(saved.clone()),
            open_file: None,
            open_folder: None,
        })));
        let now = Arc::new(Mutex::new(now));
        let clock = now.clone();
        let session = Arc::new(Session::open(
            &data,
            Box::new(Shared(answers.clone())),
            Box::new(move || *clock.lock().unwrap_or_else(|e| e.into_inner())),
        ));
        let mut next = self.next.lock().map_err(|_| bad("poisoned"))?;
        *next += 1;
        let id = *next;
        let data_dir = data.display().to_string();
        let saved_dir = saved.display().to_string();
        self.sessions.lock().map_err(|_| bad("poisoned"))?.insert(
            id,
            Arc::new(Open {
                session,
                answers,
                now,
                dir,
            }),
        );
        Ok((
            200,
            json!({ "id": id, "dataDir": data_dir, "savedDir": saved_dir }),
        ))
    }

    fn route(&self, method: &str, path: &str, body: Value) -> Reply {
        let parts: Vec<&str> = path.trim_matches('/').split('/').collect();
        let result = match (method, parts.as_slice()) {
            ("POST", ["sessions"]) => self.open(&body),
            ("DELETE", ["sessions", id]) => self.session(id).and_then(|_| {
                let id: u64 = id.parse().map_err(|_| bad("bad id"))?;
                self.sessions
                    .lock()
                    .map_err(|_| bad("poisoned"))?
                    .remove(&id);
                Ok((200, Value::Null))
            }),
            ("POST", ["sessions", id, "dialogs"]) => self.session(id).and_then(|open| {
                let path = |key: &str| body[key].as_str().map(PathBuf::from);
                let mut preset = open.answers.0.lock().map_err(|_| bad("poisoned"))?;
                if body.get("saveDir").is_some() {
                    preset.save_dir = path("saveDir");
                }
                if body.get("openFile").is_some() {
                    preset.open_file = path("openFile");
                }
                if body.get("openFolder").is_some() {
                    preset.open_folder = path("openFolder");
                }
                Ok((200, Value::Null))
            }),
            ("POST", ["sessions", id, "today"]) => self.session(id).and_then(|open| {
                let day = body["today"]
                    .as_str()
                    .ok_or_else(|| bad("today needs a date"))?;
                let day = offerwright::domain::fields::parse_date(day).map_err(bad)?;
                *open.now.lock().map_err(|_| bad("poisoned"))? = noon(day);
                Ok((200, Value::Null))
            }),
            ("POST", ["sessions", id, "files"]) => self.session(id).and_then(|open| {
                let name = body["name"]
                    .as_str()
                    .ok_or_else(|| bad("a file needs a name"))?;
                let text = body["text"].as_str().unwrap_or_default();
                let relative = std::path::Path::new(name);
                if !relative
                    .components()
                    .all(|c| matches!(c, std::path::Component::Normal(_)))
                {
                    return Err(bad("a file's name stays inside the session's folder"));
                }
                let path = open.dir.path().join("files").join(relative);
                if let Some(parent) = path.parent() {
                    std::fs::create_dir_all(parent).map_err(|e| bad(e.to_string()))?;
                }
                std::fs::write(&path, text).map_err(|e| bad(e.to_string()))?;
                Ok((200, json!({ "path": path.display().to_string() })))
            }),
            ("POST", ["sessions", id, "call", command]) => {
                self.session(id)
                    .map(|open| match api::call(&open.session, command, body) {
                        Ok(v) => (200, v),
                        Err(e) => (400, serde_json::to_value(e).unwrap_or(Value::Null)),
                    })
            }
            _ => Err((
                404,
                json!({ "code": "internal", "message": format!("no such route: {method} {path}") }),
            )),
        };
        result.unwrap_or_else(|e| e)
    }
}

/// Reads one HTTP/1.1 request: its method, path and JSON body.
/// A request: method, path, the page's origin (if a browser sent it) and body.
struct Request {
    method: String,
    path: String,
    origin: Option<String>,
    body: Value,
}

/// Whether a browser page at `origin` may call: pages served from this
/// machine only (the UI's dev server), never a site on the web.
fn local_origin(origin: &str) -> bool {
    ["http://localhost:", "http://127.0.0.1:"].iter().any(|p| {
        origin
            .strip_prefix(p)
            .is_some_and(|port| port.parse::<u16>().is_ok())
    })
}

fn read_request(stream: &TcpStream) -> std::io::Result<Request> {
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    reader.read_line(&mut line)?;
    let mut words = line.split_whitespace();
    let method = words.next().unwrap_or_default().to_owned();
    let path = words.next().unwrap_or_default().to_owned();
    let mut length = 0_usize;
    let mut origin = None;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':') {
            if name.trim().eq_ignore_ascii_case("content-length") {
                length = value.trim().parse().unwrap_or(0);
            } else if name.trim().eq_ignore_ascii_case("origin") {
                origin = Some(value.trim().to_owned());
            }
        }
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body)?;
    let body = if body.is_empty() {
        Value::Null
    } else {
        serde_json::from_slice(&body).unwrap_or(Value::Null)
    };
    Ok(Request {
        method,
        path,
        origin,
        body,
    })
}

fn serve(server: &Server, mut stream: TcpStream) -> std::io::Result<()> {
    let request = read_request(&stream)?;
    let allowed = request.origin.as_deref().is_none_or(local_origin);
    let (status, value) = if !allowed {
        (
            403,
            json!({ "code": "internal", "message": "only pages on this machine may call" }),
        )
    } else if request.method == "OPTIONS" {
        (204, Value::Null)
    } else {
        server.route(&request.method, &request.path, request.body)
    };
    let cors = match &request.origin {
        Some(origin) if allowed => format!(
            "Access-Control-Allow-Origin: {origin}\r\nAccess-Control-Allow-Methods: POST, DELETE, OPTIONS\r\nAccess-Control-Allow-Headers: content-type\r\n"
        ),
        _ => String::new(),
    };
    let body = serde_json::to_vec(&value).unwrap_or_default();
    let reason = match status {
        200 => "OK",
        204 => "No Content",
        400 => "Bad Request",
        403 => "Forbidden",
        _ => "Not Found",
    };
    write!(
        stream,
        "HTTP/1.1 {status} {reason}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n{cors}Connection: close\r\n\r\n",
        body.len()
    )?;
    stream.write_all(&body)?;
    stream.flush()
}

fn main() -> std::process::ExitCode {
    let port: u16 = std::env::args()
        .nth(1)
        .and_then(|p| p.parse().ok())
        .unwrap_or(0);
    let listener = match TcpListener::bind(("127.0.0.1", port)) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("ui-server: cannot listen on 127.0.0.1:{port}: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    let port = listener.local_addr().map(|a| a.port()).unwrap_or(port);
    println!("listening on http://127.0.0.1:{port}");
    let _ = std::io::stdout().flush();
    let server = Arc::new(Server::default());
    for stream in listener.incoming().flatten() {
        let server = server.clone();
        std::thread::spawn(move || {
            let _ = serve(&server, stream);
        });
    }
    std::process::ExitCode::SUCCESS
}
