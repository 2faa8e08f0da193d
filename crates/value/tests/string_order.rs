//! TLC orders strings by interning order, not by text. This test runs in its own process
//! because the order table is process-wide.

use value::{clear_string_order, set_string_order, Value};

#[test]
fn interning_order_decides_choose_and_record_fields() {
    // As if the spec mentioned `type` before `bal`, and "b" before "a".
    set_string_order(["type", "bal", "b", "a"]);
    let r = Value::record(vec![
        (value::Str::from("bal"), Value::Int(0)),
        (value::Str::from("type"), Value::string("1a")),
    ])
    .unwrap();
    assert_eq!(r.to_string(), "[type |-> \"1a\", bal |-> 0]");
    let s = Value::set(vec![
        Value::string("a"),
        Value::string("b"),
        Value::string("zz"),
    ])
    .unwrap();
    // Listed names first in their order; unlisted ones after, by text.
    assert_eq!(s.to_string(), "{\"b\", \"a\", \"zz\"}");
    assert_eq!(s.to_explicit_elems().unwrap()[0], Value::string("b"));
    // Field access does not depend on the order.
    assert_eq!(r.field("bal").unwrap(), &Value::Int(0));
    // Model values use the same table.
    let m = Value::set(vec![Value::model_value("a"), Value::model_value("b")]).unwrap();
    assert_eq!(m.to_string(), "{b, a}");
    // Records equal as functions whatever the construction order.
    let f = Value::func(vec![
        (Value::string("type"), Value::string("1a")),
        (Value::string("bal"), Value::Int(0)),
    ])
    .unwrap();
    assert_eq!(f, r);
    assert_eq!(f.fingerprint(), r.fingerprint());

    // A thread sees the table too.
    let seen = std::thread::spawn(|| {
        Value::set(vec![Value::string("a"), Value::string("b")])
            .unwrap()
            .to_string()
    })
    .join()
    .unwrap();
    assert_eq!(seen, "{\"b\", \"a\"}");

    clear_string_order();
    let s = Value::set(vec![Value::string("b"), Value::string("a")]).unwrap();
    assert_eq!(s.to_string(), "{\"a\", \"b\"}");
}
