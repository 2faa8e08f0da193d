//! A bare runner for development: loads a spec with its cfg and checks it with the engine,
//! printing the verdict, TLC's counts and the time taken.
//!
//! `cargo run --release -p spec --example check -- Spec.tla Spec.cfg [workers]`

use std::path::Path;
use std::time::Instant;

use source::SourceDb;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 3 {
        eprintln!("usage: check SPEC.tla SPEC.cfg [workers]");
        std::process::exit(2);
    }
    let workers = args.get(3).and_then(|w| w.parse().ok()).unwrap_or(1);
    let mut db = SourceDb::new();
    let start = Instant::now();
    let model = match spec::load(&mut db, Path::new(&args[1]), Path::new(&args[2])) {
        Ok(m) => m,
        Err(d) => {
            eprint!("{}", source::render_all(&db, &d));
            std::process::exit(1);
        }
    };
    let options = check::Options::default()
        .with_workers(workers)
        .with_deadlock_check(model.check_deadlock());
    let outcome = check::run(&model, &options, &mut check::NullReporter);
    println!("verdict: {:?}", outcome.verdict);
    println!(
        "{} states generated, {} distinct states found, {} states left on queue.",
        outcome.stats.generated, outcome.stats.distinct, outcome.stats.left_on_queue
    );
    println!("depth {}", outcome.stats.depth);
    if let Some(t) = &outcome.trace {
        println!("trace of {} states", t.len());
    }
    println!("time {:.2}s", start.elapsed().as_secs_f64());
}
