//! Traces in the Informal Trace Format (ITF) of Apalache and Quint, so counterexamples and
//! witnesses can be replayed or inspected by other tools.
//!
//! A trace is `{"#meta": {...}, "vars": [...], "states": [...]}`; each state is an object
//! with its own `"#meta": {"index": i, "action": label}` and one entry per variable. Values:
//! integers as `{"#bigint": "n"}`, sets as `{"#set": [...]}`, sequences and tuples as arrays,
//! records as objects, other functions as `{"#map": [[k, v], ...]}`, and model values (which
//! ITF has no form for) as `{"#unserializable": "name"}`.

use serde_json::{json, Map, Value as Json};
use suite::TraceState;
use value::Value;

/// Encodes one value.
pub fn value_to_itf(v: &Value) -> Json {
    match v {
        Value::Bool(b) => Json::Bool(*b),
        Value::Int(i) => json!({ "#bigint": i.to_string() }),
        Value::Str(s) => Json::String(s.to_string()),
        Value::ModelValue(m) => json!({ "#unserializable": m.to_string() }),
        Value::Set(items) => json!({ "#set": items.iter().map(value_to_itf).collect::<Vec<_>>() }),
        Value::Tuple(items) => Json::Array(items.iter().map(value_to_itf).collect()),
        Value::Record(fields) => Json::Object(
            fields
                .iter()
                .map(|(k, v)| (k.to_string(), value_to_itf(v)))
                .collect(),
        ),
        Value::Func(pairs) => json!({
            "#map": pairs
                .iter()
                .map(|(k, v)| json!([value_to_itf(k), value_to_itf(v)]))
                .collect::<Vec<_>>()
        }),
        // A state never holds a lazy set after normalisation; keep its TLA+ text if one
        // slips through rather than failing the whole report.
        Value::Lazy(_) => json!({ "#unserializable": v.to_string() }),
    }
}

/// Where a trace came from, written into the trace's `#meta`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TraceMeta {
    /// The spec file.
    pub source: String,
    /// A one-line description (claim, check, verdict).
    pub description: String,
    /// The claim id.
    pub claim: String,
    /// The check name (`red1`, `witness2`).
    pub check: String,
}

/// Encodes a trace as an ITF document. Variables are listed in the order of the first
/// state.
pub fn trace_to_itf(trace: &[TraceState], meta: &TraceMeta) -> Json {
    let vars: Vec<&str> = trace
        .first()
        .map(|s| s.vars.iter().map(|(n, _)| n.as_str()).collect())
        .unwrap_or_default();
    let states: Vec<Json> = trace
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let mut obj = Map::new();
            obj.insert("#meta".into(), json!({ "index": i, "action": s.action }));
            for (name, v) in &s.vars {
                obj.insert(name.clone(), value_to_itf(v));
            }
            Json::Object(obj)
        })
        .collect();
    json!({
        "#meta": {
            "format": "ITF",
            "format-description": "https://apalache-mc.org/docs/adr/015adr-trace.html",
            "source": meta.source,
            "description": meta.description,
            "claim": meta.claim,
            "check": meta.check,
        },
        "vars": vars,
        "states": states,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[test]
    fn encodes_each_kind() {
        let set = Value::Set(Arc::from(vec![Value::Int(1), Value::Int(-2)]));
        assert_eq!(
            value_to_itf(&set),
            json!({"#set": [{"#bigint": "1"}, {"#bigint": "-2"}]})
        );
        let rec = Value::Record(Arc::from(vec![(value::Str::from("a"), Value::Bool(true))]));
        assert_eq!(value_to_itf(&rec), json!({"a": true}));
        let tup = Value::Tuple(Arc::from(vec![Value::string("x")]));
        assert_eq!(value_to_itf(&tup), json!(["x"]));
        let f = Value::Func(Arc::from(vec![(Value::Int(0), Value::model_value("p"))]));
        assert_eq!(
            value_to_itf(&f),
            json!({"#map": [[{"#bigint": "0"}, {"#unserializable": "p"}]]})
        );
    }

    #[test]
    fn trace_has_meta_vars_and_indexed_states() {
        let trace = vec![
            TraceState {
                action: "Initial predicate".into(),
                vars: vec![
                    ("x".into(), Value::Int(0)),
                    ("y".into(), Value::Bool(false)),
                ],
            },
            TraceState {
                action: "Step".into(),
                vars: vec![
                    ("x".into(), Value::Int(1)),
                    ("y".into(), Value::Bool(false)),
                ],
            },
        ];
        let doc = trace_to_itf(&trace, &TraceMeta::default());
        assert_eq!(doc["vars"], json!(["x", "y"]));
        assert_eq!(doc["#meta"]["format"], "ITF");
        assert_eq!(
            doc["states"][1],
            json!({"#meta": {"index": 1, "action": "Step"}, "x": {"#bigint": "1"}, "y": false})
        );
    }
}
