//! `cargo bench`: loading the built-in questionnaires, scoring one assessment, and aggregating
//! portfolios of 1,000 and 10,000 generated answers files. benches/portfolio.sh measures the
//! real binary (wall time and peak memory); the README has the figures.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;
use std::num::NonZeroUsize;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use jsp::internals::Answers;
use jsp::internals::Catalog;
use jsp::internals::loader::{self, Options};

fn questionnaires(c: &mut Criterion) {
    c.bench_function("load and validate the built-in questionnaires", |b| {
        b.iter(|| Catalog::default().all(&mut Vec::new()).unwrap())
    });
}

fn score(c: &mut Criterion) {
    let q = Catalog::default()
        .find("jsp-manufacturer", &mut Vec::new())
        .unwrap()
        .questionnaire;
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/manufacturer-answers.yaml");
    let (answers, _) = Answers::load(&path).unwrap();
    c.bench_function("score one assessment", |b| {
        b.iter(|| jsp::internals::score(&q, black_box(&answers), None).score)
    });
    c.bench_function("read, check and score one answers file", |b| {
        b.iter(|| {
            let (answers, text) = Answers::load(&path).unwrap();
            answers.check(&q, &text, &path).unwrap();
            jsp::internals::score(&q, &answers, None).score
        })
    });
}

fn aggregate(c: &mut Criterion) {
    let q = Catalog::default()
        .find("jsp-manufacturer", &mut Vec::new())
        .unwrap()
        .questionnaire;
    let options = Options {
        questionnaire: None,
        keep_going: false,
        jobs: std::thread::available_parallelism().unwrap_or(NonZeroUsize::MIN),
    };
    let mut group = c.benchmark_group("aggregate");
    group.sample_size(10);
    for count in [1_000, 10_000] {
        let dir = tempfile::tempdir().unwrap();
        jsp::internals::write_portfolio(&q, dir.path(), count, 1).unwrap();
        let files = loader::find_files(&[dir.path().to_path_buf()]).unwrap();
        group.bench_function(format!("{count} generated files"), |b| {
            b.iter(|| {
                let (_, portfolio, _) =
                    loader::load(&Catalog::default(), &files, &options).unwrap();
                portfolio.rows().len()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, questionnaires, score, aggregate);
criterion_main!(benches);
