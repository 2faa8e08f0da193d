//! Reading and parsing the spec, the modules it uses, and the configuration.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use source::{Diagnostic, FileId, Severity, SourceDb, Span};
use syntax::ast;

use crate::model::SpecModel;
use crate::overrides::Overrides;
use crate::string_order;

fn read(db: &mut SourceDb, path: &Path) -> Result<FileId, Diagnostic> {
    if let Some(f) = db.find(path) {
        return Ok(f);
    }
    match std::fs::read_to_string(path) {
        Ok(text) => Ok(db.add(path.to_path_buf(), text)),
        Err(e) => Err(Diagnostic::error_unlocated(
            "io-error",
            format!("Cannot read {}: {e}", path.display()),
        )),
    }
}

fn has_errors(d: &[Diagnostic]) -> bool {
    d.iter().any(|d| d.severity == Severity::Error)
}

/// The names of modules a module refers to (EXTENDS, INSTANCE), nested modules included.
fn referenced(m: &ast::Module, out: &mut Vec<(String, Span)>, nested: &mut Vec<String>) {
    for e in &m.extends {
        out.push((e.name.clone(), e.span));
    }
    for u in &m.units {
        match u {
            ast::Unit::Instance(i) => out.push((i.module.name.clone(), i.module.span)),
            ast::Unit::ModuleDef(d) => {
                out.push((d.instance.module.name.clone(), d.instance.module.span))
            }
            ast::Unit::Module(inner) => {
                nested.push(inner.name.name.clone());
                referenced(inner, out, nested);
            }
            _ => {}
        }
    }
}

fn module_extents(m: &ast::Module, out: &mut Vec<(Span, String)>) {
    out.push((m.span, m.name.name.clone()));
    for u in &m.units {
        if let ast::Unit::Module(inner) = u {
            module_extents(inner, out);
        }
    }
}

/// Parses one module file, returning the module and diagnostics.
fn parse(db: &mut SourceDb, path: &Path) -> Result<ast::Module, Vec<Diagnostic>> {
    let file = read(db, path).map_err(|d| vec![d])?;
    let r = syntax::parse_module(db, file);
    if has_errors(&r.errors) {
        return Err(r.errors);
    }
    r.module.ok_or(r.errors)
}

/// Computes TLC's string order for this spec and installs it (before any value is built).
fn install_string_order(
    db: &SourceDb,
    spec_path: &Path,
    root: &ast::Module,
    modules: &BTreeMap<String, ast::Module>,
    dir: &Path,
    cfg: FileId,
) {
    let text = |m: &ast::Module, file: Option<FileId>| {
        let mut uses = Vec::new();
        referenced(m, &mut uses, &mut Vec::new());
        string_order::ModuleText {
            name: m.name.name.clone(),
            file,
            uses: uses.into_iter().map(|(n, _)| n).collect(),
        }
    };
    let root_text = text(root, db.find(spec_path));
    let texts: Vec<_> = modules
        .iter()
        .map(|(name, m)| text(m, db.find(&dir.join(format!("{name}.tla")))))
        .collect();
    let mut all = texts;
    all.push(string_order::ModuleText {
        name: root_text.name.clone(),
        file: root_text.file,
        uses: root_text.uses.clone(),
    });
    let names = string_order::spec_order(db, &all, &root_text, cfg);
    string_order::install(names);
}

/// Loads a spec and its configuration into a model.
///
/// Reads `spec_path`, the user modules it extends or instantiates (as `<Name>.tla` in the
/// same directory; the standard modules are built in), and `cfg_path`. Every problem found
/// (IO, syntax, names, levels, configuration, a false assumption) is returned as a
/// diagnostic.
pub fn load(
    db: &mut SourceDb,
    spec_path: &Path,
    cfg_path: &Path,
) -> Result<SpecModel, Vec<Diagnostic>> {
    load_with(db, spec_path, cfg_path, &Overrides::default())
}

/// Like [`load`], with the configuration changed by `overrides` before it is bound.
pub fn load_with(
    db: &mut SourceDb,
    spec_path: &Path,
    cfg_path: &Path,
    overrides: &Overrides,
) -> Result<SpecModel, Vec<Diagnostic>> {
    let root = parse(db, spec_path)?;
    let dir: PathBuf = spec_path
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    let mut modules: BTreeMap<String, ast::Module> = BTreeMap::new();
    let mut extents = Vec::new();
    module_extents(&root, &mut extents);
    let mut todo = Vec::new();
    let mut nested = Vec::new();
    referenced(&root, &mut todo, &mut nested);
    let mut diags = Vec::new();
    while let Some((name, span)) = todo.pop() {
        if modules.contains_key(&name) || name == root.name.name || nested.contains(&name) {
            continue;
        }
        let path = dir.join(format!("{name}.tla"));
        if eval::builtins::is_standard_module(&name) && !path.exists() {
            continue;
        }
        if eval::builtins::is_standard_module(&name) {
            // The standard modules are native even when a copy of their text is present.
            continue;
        }
        if !path.exists() {
            diags.push(Diagnostic::error(
                "undefined-module",
                format!("Cannot find source file for module {name}."),
                span,
            ));
            continue;
        }
        match parse(db, &path) {
            Ok(m) => {
                referenced(&m, &mut todo, &mut nested);
                module_extents(&m, &mut extents);
                modules.insert(name, m);
            }
            Err(mut d) => diags.append(&mut d),
        }
    }
    if has_errors(&diags) {
        return Err(diags);
    }
    let cfg_file = read(db, cfg_path).map_err(|d| vec![d])?;
    let (mut cfg, cfg_diags) = syntax::parse_cfg(db, cfg_file);
    if has_errors(&cfg_diags) {
        return Err(cfg_diags);
    }
    crate::overrides::apply(db, &mut cfg, overrides)?;
    install_string_order(db, spec_path, &root, &modules, &dir, cfg_file);
    let (prog, lower_diags) = eval::lower_program(&root, &modules);
    if has_errors(&lower_diags) {
        return Err(lower_diags);
    }
    let mut model = crate::bind::bind(db, prog, &cfg, extents)?;
    if let Some(predicate) = &overrides.reach {
        crate::overrides::add_reach(&mut model, predicate)?;
    }
    Ok(model)
}
