//! Installing a table that extends the current one (as loading a second spec does) while
//! other threads sort values must not disturb their order: names already ranked keep their
//! rank throughout. Runs in its own process because the order table is process-wide.

use value::{set_string_order, Value};

#[test]
fn extending_the_table_keeps_the_order_seen_by_other_threads() {
    let names: Vec<String> = (0..3000).rev().map(|i| format!("n{i}")).collect();
    set_string_order(&names);
    let elems: Vec<Value> = (0..3000).map(|i| Value::string(format!("n{i}"))).collect();
    let expected: Vec<Value> = names.iter().map(|n| Value::string(n.as_str())).collect();
    let sorter = std::thread::spawn(move || {
        for _ in 0..100 {
            let s = Value::set(elems.clone()).expect("strings are comparable");
            assert_eq!(s.to_explicit_elems().expect("explicit")[..], expected[..]);
        }
    });
    for k in 0..100 {
        let mut longer = names.clone();
        longer.extend((0..k).map(|i| format!("extra{i}")));
        set_string_order(&longer);
    }
    sorter
        .join()
        .expect("the sorting thread saw one consistent order");
}
