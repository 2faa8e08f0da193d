//! Checked integer arithmetic with TLA+'s semantics.
//!
//! Integers are `i64`; an operation whose result does not fit is an error, never a wrap.
//! `\div` and `%` follow TLC (`Integers.java`): `\div` rounds towards negative infinity,
//! `a % b` requires `b > 0` and lies in `0..b-1`.

use crate::ValueError;

fn overflow(op: &'static str, left: i64, right: i64) -> ValueError {
    ValueError::Overflow { op, left, right }
}

/// `a + b`.
pub fn add(a: i64, b: i64) -> Result<i64, ValueError> {
    a.checked_add(b).ok_or_else(|| overflow("+", a, b))
}

/// `a - b`.
pub fn sub(a: i64, b: i64) -> Result<i64, ValueError> {
    a.checked_sub(b).ok_or_else(|| overflow("-", a, b))
}

/// `a * b`.
pub fn mul(a: i64, b: i64) -> Result<i64, ValueError> {
    a.checked_mul(b).ok_or_else(|| overflow("*", a, b))
}

/// `-a`.
pub fn neg(a: i64) -> Result<i64, ValueError> {
    a.checked_neg().ok_or_else(|| overflow("-", 0, a))
}

/// `a \div b`: floor division; division by zero is an error.
pub fn div(a: i64, b: i64) -> Result<i64, ValueError> {
    if b == 0 {
        return Err(ValueError::DivisionByZero {
            op: "\\div",
            left: a,
            right: b,
        });
    }
    let q = a.checked_div(b).ok_or_else(|| overflow("\\div", a, b))?;
    if (a % b != 0) && ((a < 0) != (b < 0)) {
        Ok(q - 1)
    } else {
        Ok(q)
    }
}

/// `a % b`: requires `b > 0`; the result is in `0..b-1`.
pub fn modulo(a: i64, b: i64) -> Result<i64, ValueError> {
    if b <= 0 {
        return Err(ValueError::DivisionByZero {
            op: "%",
            left: a,
            right: b,
        });
    }
    Ok(a.rem_euclid(b))
}

/// `a ^ b` for `b >= 0` (`0 ^ 0 = 1`).
pub fn pow(a: i64, b: i64) -> Result<i64, ValueError> {
    if b < 0 {
        return Err(overflow("^", a, b));
    }
    let exp = u32::try_from(b).map_err(|_| overflow("^", a, b))?;
    a.checked_pow(exp).ok_or_else(|| overflow("^", a, b))
}
