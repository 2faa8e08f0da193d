//! TLA+ values as JSON in the Informal Trace Format (ITF) encoding used by Apalache and
//! Quint: integers as `{"#bigint": "n"}`, sets as `{"#set": [...]}`, sequences and tuples as
//! arrays, records as objects, other functions as `{"#map": [[k, v], ...]}`, and model values
//! (which ITF has no form for) as `{"#unserializable": "name"}`.

use serde_json::{json, Map, Value as Json};
use value::Value;

/// Encodes a value; lazily represented sets are written in their TLA+ text form as
/// unserializable, since a state never holds one after normalisation.
pub fn to_itf(v: &Value) -> Json {
    match v {
        Value::Bool(b) => Json::Bool(*b),
        Value::Int(i) => json!({ "#bigint": i.to_string() }),
        Value::Str(s) => Json::String(s.to_string()),
        Value::ModelValue(m) => json!({ "#unserializable": m.to_string() }),
        Value::Set(items) => json!({ "#set": items.iter().map(to_itf).collect::<Vec<_>>() }),
        Value::Tuple(items) => Json::Array(items.iter().map(to_itf).collect()),
        Value::Record(fields) => {
            let mut map = Map::new();
            for (k, v) in fields.iter() {
                map.insert(k.to_string(), to_itf(v));
            }
            Json::Object(map)
        }
        Value::Func(pairs) => json!({
            "#map": pairs.iter().map(|(k, v)| json!([to_itf(k), to_itf(v)])).collect::<Vec<_>>()
        }),
        Value::Lazy(l) => json!({ "#unserializable": format!("{l:?}") }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[test]
    fn encodes_each_kind() {
        let set = Value::Set(Arc::from(vec![Value::Int(1), Value::Int(2)]));
        assert_eq!(
            to_itf(&set),
            json!({"#set": [{"#bigint": "1"}, {"#bigint": "2"}]})
        );
        let rec = Value::Record(Arc::from(vec![(value::Str::from("a"), Value::Bool(true))]));
        assert_eq!(to_itf(&rec), json!({"a": true}));
        let tup = Value::Tuple(Arc::from(vec![Value::string("x")]));
        assert_eq!(to_itf(&tup), json!(["x"]));
        let f = Value::Func(Arc::from(vec![(Value::Int(0), Value::model_value("p"))]));
        assert_eq!(
            to_itf(&f),
            json!({"#map": [[{"#bigint": "0"}, {"#unserializable": "p"}]]})
        );
    }
}
