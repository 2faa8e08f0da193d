//! Algebraic laws over many pseudo-random values (a fixed-seed generator, so the test is
//! deterministic): the order is total and agrees with equality, equal values (whatever
//! their representation) have equal fingerprints, TLC's comparison agrees with the total
//! order where it succeeds, and the set operations agree with their definitions.

use std::cmp::Ordering;

use value::{LazySet, Value};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // SplitMix64.
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// A random value of a "shape" family so that most pairs are TLC-comparable.
fn gen(r: &mut Rng, depth: u32) -> Value {
    let leaf = depth == 0;
    match r.below(if leaf { 4 } else { 9 }) {
        0 => Value::Int(r.below(5) as i64 - 2),
        1 => Value::string(["a", "b", "c"][r.below(3) as usize]),
        2 => Value::Bool(r.below(2) == 1),
        3 => Value::model_value(["m1", "m2"][r.below(2) as usize]),
        4 => {
            let n = r.below(4);
            Value::set((0..n).map(|_| Value::Int(r.below(4) as i64)).collect()).unwrap()
        }
        5 => {
            let n = r.below(3);
            Value::tuple((0..n).map(|_| gen(r, depth - 1)).collect())
        }
        6 => {
            let names = ["x", "y", "z"];
            let n = 1 + r.below(2) as usize;
            Value::record(
                names[..n]
                    .iter()
                    .map(|f| (value::Str::from(*f), Value::Int(r.below(3) as i64)))
                    .collect(),
            )
            .unwrap()
        }
        7 => {
            let a = r.below(4) as i64;
            Value::interval(a, a + r.below(3) as i64 - 1)
        }
        _ => {
            let keys: Vec<i64> = (0..r.below(3)).map(|i| i as i64 * 2).collect();
            Value::func(
                keys.into_iter()
                    .map(|k| (Value::Int(k), Value::Int(r.below(2) as i64)))
                    .collect(),
            )
            .unwrap()
        }
    }
}

#[test]
fn order_equality_and_fingerprint_laws() {
    let mut r = Rng(42);
    let vals: Vec<Value> = (0..300).map(|_| gen(&mut r, 2)).collect();
    for a in &vals {
        assert_eq!(a.cmp(a), Ordering::Equal);
        assert_eq!(a, a);
        for b in &vals {
            let ab = a.cmp(b);
            assert_eq!(ab, b.cmp(a).reverse(), "antisymmetry: {a} vs {b}");
            assert_eq!(
                ab == Ordering::Equal,
                a == b,
                "eq agrees with cmp: {a} vs {b}"
            );
            if a == b {
                assert_eq!(a.fingerprint(), b.fingerprint(), "{a} vs {b}");
            } else {
                assert_ne!(a.fingerprint(), b.fingerprint(), "{a} vs {b}");
            }
            if let Ok(o) = a.tlc_cmp(b) {
                assert_eq!(o, ab, "tlc_cmp agrees with Ord: {a} vs {b}");
            }
            if let Ok(e) = a.tlc_eq(b) {
                assert_eq!(e, a == b, "tlc_eq agrees with ==: {a} vs {b}");
            }
        }
    }
    // Transitivity on a sample of triples.
    for i in 0..vals.len() {
        for j in (0..vals.len()).step_by(7) {
            for k in (0..vals.len()).step_by(11) {
                let (a, b, c) = (&vals[i], &vals[j], &vals[k]);
                if a <= b && b <= c {
                    assert!(a <= c, "transitivity: {a} <= {b} <= {c}");
                }
            }
        }
    }
}

#[test]
fn set_operation_laws() {
    let mut r = Rng(7);
    for _ in 0..500 {
        let mk = |r: &mut Rng| -> Value {
            if r.below(3) == 0 {
                let a = r.below(6) as i64;
                Value::interval(a, a + r.below(5) as i64 - 1)
            } else {
                let n = r.below(6);
                Value::set((0..n).map(|_| Value::Int(r.below(8) as i64)).collect()).unwrap()
            }
        };
        let (a, b) = (mk(&mut r), mk(&mut r));
        let u = a.union(&b).unwrap();
        let i = a.intersect(&b).unwrap();
        let d = a.difference(&b).unwrap();
        for x in 0..9 {
            let x = Value::Int(x);
            let (ina, inb) = (a.contains(&x).unwrap(), b.contains(&x).unwrap());
            assert_eq!(u.contains(&x).unwrap(), ina || inb);
            assert_eq!(i.contains(&x).unwrap(), ina && inb);
            assert_eq!(d.contains(&x).unwrap(), ina && !inb);
        }
        assert_eq!(
            u.cardinality().unwrap() + i.cardinality().unwrap(),
            a.cardinality().unwrap() + b.cardinality().unwrap()
        );
        assert!(i.subseteq(&a).unwrap());
        assert!(a.subseteq(&u).unwrap());
        assert_eq!(
            a.subseteq(&b).unwrap(),
            a.difference(&b).unwrap().cardinality().unwrap() == 0
        );
        // Explicit and lazy forms are interchangeable.
        let n = a.normalize().unwrap();
        assert_eq!(n, a);
        assert_eq!(n.fingerprint(), a.fingerprint());
        assert!(n.to_string().starts_with('{'));
        let sub = Value::lazy(LazySet::Subset(a.clone()));
        assert_eq!(sub.cardinality().unwrap(), 1 << a.cardinality().unwrap());
        assert!(sub.contains(&i).unwrap() == i.subseteq(&a).unwrap());
    }
}
