//! The rules of the code's shape, checked over the tree: the core's layers
//! use only the layers below them, submodules form no cycle, only the shell
//! names Tauri, only `ui/src/lib/ipc.ts` imports `@tauri-apps`, money never
//! meets a float, the library reads no clock, and no comment names a file
//! that the repository does not have. ARCHITECTURE.md describes the same
//! order; a change to one is a change to both.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The top-level modules of the library, lowest layer first: a module may
/// use only modules of a lower layer (and itself).
const LAYERS: &[&[&str]] = &[
    &["text", "money"],
    &["domain"],
    &["files", "score"],
    &["delivery", "samples", "discovery"],
    &["workshop"],
    &["export"],
    &["store"],
    &["error"],
    &["ops"],
    &["api"],
];

/// Modules where a float would meet a figure (money, a quantity, a mark).
const NO_FLOAT: &[&str] = &[
    "src/money.rs",
    "src/score",
    "src/delivery",
    "src/discovery",
    "src/domain",
    "src/workshop",
    "src/ops",
    "src/api",
    "src/store",
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every file under `dir` whose name ends with one of `exts`, skipping
/// build output and installed packages.
fn files(dir: &Path, exts: &[&str]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let path = e.path();
            let name = e.file_name().to_string_lossy().into_owned();
            if path.is_dir() {
                if !matches!(
                    name.as_str(),
                    "target" | "node_modules" | "dist" | "gen" | ".git" | "fixtures"
                ) && !name.starts_with('.')
                {
                    stack.push(path);
                }
            } else if exts.iter().any(|x| name.ends_with(x)) {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_default()
}

fn rel(path: &Path) -> String {
    path.strip_prefix(root())
        .unwrap_or(path)
        .display()
        .to_string()
}

/// The code of a Rust file without its comments (line comments only: the
/// project writes no block comments).
fn code_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines().enumerate().filter_map(|(i, line)| {
        let code = match line.find("//") {
            // A `//` inside a string ("https://") is code.
            Some(at) if line[..at].matches('"').count() % 2 == 0 => &line[..at],
            _ => line,
        };
        (!code.trim().is_empty()).then_some((i + 1, code))
    })
}

/// The top-level module a library file belongs to: "store" for
/// src/store/offers.rs, "money" for src/money.rs.
fn top_module(path: &Path) -> Option<String> {
    let r = path.strip_prefix(root().join("src")).ok()?;
    let first = r.components().next()?.as_os_str().to_string_lossy();
    Some(first.trim_end_matches(".rs").to_owned())
}

/// Each `crate::name` that `code` refers to.
fn crate_refs(code: &str) -> impl Iterator<Item = &str> {
    code.match_indices("crate::").filter_map(|(at, _)| {
        let before = code[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            return None;
        }
        let rest = &code[at + "crate::".len()..];
        let end = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        Some(&rest[..end])
    })
}

#[test]
fn each_layer_of_the_core_uses_only_the_layers_below_it() {
    let layer_of: BTreeMap<&str, usize> = LAYERS
        .iter()
        .enumerate()
        .flat_map(|(i, ms)| ms.iter().map(move |m| (*m, i)))
        .collect();
    let mut wrong = Vec::new();
    for path in files(&root().join("src"), &[".rs"]) {
        let Some(module) = top_module(&path) else {
            continue;
        };
        if module == "lib" {
            continue;
        }
        let Some(&mine) = layer_of.get(module.as_str()) else {
            wrong.push(format!(
                "{}: module `{module}` has no layer in tests/it/tidy.rs",
                rel(&path)
            ));
            continue;
        };
        // Tests of a module may use anything.
        let text = read(&path);
        let text = text.split("#[cfg(test)]").next().unwrap_or_default();
        for (n, code) in code_lines(text) {
            for used in crate_refs(code) {
                if used == module {
                    continue;
                }
                match layer_of.get(used) {
                    Some(&theirs) if theirs < mine => {}
                    Some(_) => wrong.push(format!(
                        "{}:{n}: `{module}` uses `{used}`, a layer at or above its own",
                        rel(&path)
                    )),
                    None => {}
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn no_two_submodules_of_the_core_use_each_other() {
    // module -> submodule -> the sibling submodules it uses
    let mut graph: BTreeMap<String, BTreeMap<String, BTreeSet<String>>> = BTreeMap::new();
    for path in files(&root().join("src"), &[".rs"]) {
        let Some(module) = top_module(&path) else {
            continue;
        };
        let Ok(r) = path.strip_prefix(root().join("src").join(&module)) else {
            continue;
        };
        let sub = r.with_extension("").display().to_string();
        if sub == "mod" || sub.contains('/') {
            continue;
        }
        let text = read(&path);
        let text = text.split("#[cfg(test)]").next().unwrap_or_default();
        let prefix = format!("crate::{module}::");
        let mut used = BTreeSet::new();
        for (_, code) in code_lines(text) {
            for p in [prefix.as_str(), "super::"] {
                for (at, _) in code.match_indices(p) {
                    let rest = &code[at + p.len()..];
                    let end = rest
                        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                        .unwrap_or(rest.len());
                    let name = &rest[..end];
                    let file = root().join("src").join(&module).join(format!("{name}.rs"));
                    let dir = root().join("src").join(&module).join(name).join("mod.rs");
                    if name != sub && (file.is_file() || dir.is_file()) {
                        used.insert(name.to_owned());
                    }
                }
            }
        }
        graph.entry(module).or_default().insert(sub, used);
    }
    let mut cycles = Vec::new();
    for (module, subs) in &graph {
        for (a, uses) in subs {
            for b in uses {
                if a < b && subs.get(b).is_some_and(|back| back.contains(a)) {
                    cycles.push(format!("{module}::{a} and {module}::{b} use each other"));
                }
            }
        }
    }
    assert!(cycles.is_empty(), "{}", cycles.join("\n"));
}

#[test]
fn only_the_desktop_shell_names_tauri() {
    let mut wrong = Vec::new();
    for dir in ["src", "cli", "testkit", "tests", "benches"] {
        for path in files(&root().join(dir), &[".rs", "Cargo.toml"]) {
            // This test names what it looks for.
            if path.ends_with("tests/it/tidy.rs") {
                continue;
            }
            for (n, code) in code_lines(&read(&path)) {
                if code.contains("tauri::") || code.trim_start().starts_with("tauri") {
                    wrong.push(format!("{}:{n}: {}", rel(&path), code.trim()));
                }
            }
        }
    }
    let manifest = read(&root().join("Cargo.toml"));
    for line in manifest.lines() {
        if line.trim_start().starts_with("tauri") {
            wrong.push(format!("Cargo.toml: {}", line.trim()));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn only_ipc_ts_imports_tauri_in_the_ui() {
    let ipc = root().join("ui/src/lib/ipc.ts");
    let wrong: Vec<String> = files(&root().join("ui/src"), &[".ts", ".svelte"])
        .into_iter()
        .filter(|p| *p != ipc && read(p).contains("@tauri-apps"))
        .map(|p| rel(&p))
        .collect();
    assert!(
        wrong.is_empty(),
        "these import @tauri-apps, which only ui/src/lib/ipc.ts may: {wrong:?}"
    );
}

#[test]
fn money_never_meets_a_float() {
    let mut wrong = Vec::new();
    for place in NO_FLOAT {
        let path = root().join(place);
        let paths = if path.is_dir() {
            files(&path, &[".rs"])
        } else {
            vec![path]
        };
        for path in paths {
            let text = read(&path);
            let text = text.split("#[cfg(test)]").next().unwrap_or_default();
            for (n, code) in code_lines(text) {
                // A JSON number with a point is read only to be refused.
                if code.contains("fn visit_f64") {
                    continue;
                }
                let float = code
                    .split(|c: char| !(c.is_alphanumeric() || c == '_'))
                    .any(|w| matches!(w, "f32" | "f64" | "to_f64" | "to_f32" | "from_f64"));
                if float {
                    wrong.push(format!("{}:{n}: {}", rel(&path), code.trim()));
                }
            }
        }
    }
    // The UI reads figures with its decimal helpers, never as floats.
    for path in files(&root().join("ui/src"), &[".ts", ".svelte"]) {
        if path.to_string_lossy().ends_with(".test.ts") {
            continue;
        }
        for (n, line) in read(&path).lines().enumerate() {
            if line.contains("parseFloat(") || line.contains("Number.parseFloat") {
                wrong.push(format!("{}:{}: {}", rel(&path), n + 1, line.trim()));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_library_reads_no_clock_and_has_no_command_line_crates() {
    let mut wrong = Vec::new();
    for path in files(&root().join("src"), &[".rs"]) {
        for (n, code) in code_lines(&read(&path)) {
            if code.contains("Local::now") || code.contains("Local::today") {
                wrong.push(format!("{}:{n}: {}", rel(&path), code.trim()));
            }
        }
    }
    let manifest = read(&root().join("Cargo.toml"));
    let deps = manifest
        .split("[dependencies]")
        .nth(1)
        .and_then(|d| d.split("\n[").next())
        .unwrap_or_default();
    for krate in ["clap", "anyhow"] {
        if deps.lines().any(|l| l.trim_start().starts_with(krate)) {
            wrong.push(format!("Cargo.toml: the library depends on {krate}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// File names a comment mentions: words that end in a known extension.
fn named_files(comment: &str) -> Vec<String> {
    const EXTS: &[&str] = &[".md", ".rs", ".ts", ".svelte", ".sh", ".toml"];
    comment
        .split(|c: char| c.is_whitespace() || "`'\"()[],;:<>*".contains(c))
        .map(|w| w.trim_end_matches(['.', '!', '?']))
        .filter(|w| EXTS.iter().any(|x| w.ends_with(x) && w.len() > x.len()))
        .filter(|w| !w.contains("://") && !w.contains('*') && !w.contains('{'))
        .map(str::to_owned)
        .collect()
}

#[test]
fn no_comment_names_a_file_the_repository_does_not_have() {
    let root = root();
    let all: Vec<PathBuf> = [
        "src",
        "cli",
        "testkit",
        "tests",
        "benches",
        "src-tauri",
        "ui",
        "scripts",
        ".ci",
        "docs",
    ]
    .iter()
    .flat_map(|d| {
        files(
            &root.join(d),
            &[
                ".rs", ".ts", ".svelte", ".sh", ".md", ".toml", ".js", ".mjs", ".json", ".css",
                ".html",
            ],
        )
    })
    .chain(["README.md", "ARCHITECTURE.md", "Cargo.toml"].map(|f| root.join(f)))
    .collect();
    let names: BTreeSet<String> = all
        .iter()
        .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .collect();
    let mut wrong = Vec::new();
    for path in all.iter().filter(|p| {
        let s = p.to_string_lossy();
        [".rs", ".ts", ".svelte", ".sh"]
            .iter()
            .any(|x| s.ends_with(x))
    }) {
        let text = read(path);
        let shell = path.to_string_lossy().ends_with(".sh");
        for (n, line) in text.lines().enumerate() {
            let trimmed = line.trim_start();
            let start = if shell {
                trimmed.starts_with('#').then_some(0)
            } else if trimmed.starts_with("/*") || trimmed.starts_with("* ") {
                Some(0)
            } else {
                line.find("//")
            };
            let comment = match start {
                Some(at) if line[..at].matches('"').count() % 2 == 0 => &line[at..],
                _ => continue,
            };
            for named in named_files(comment) {
                let found = if named.contains('/') {
                    let here = path.parent().unwrap_or(&root);
                    [
                        root.clone(),
                        here.to_path_buf(),
                        root.join("ui"),
                        root.join("src-tauri"),
                    ]
                    .iter()
                    .any(|base| base.join(&named).exists())
                        || all
                            .iter()
                            .any(|p| p.to_string_lossy().ends_with(&format!("/{named}")))
                } else {
                    names.contains(&named)
                };
                if !found {
                    wrong.push(format!("{}:{}: names {named}", rel(path), n + 1));
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "comments name files that do not exist:\n{}",
        wrong.join("\n")
    );
}
