//! `pgdojo pool`: runs the [`pgdojo::pool`] simulator from flags or a scenario file.
//!
//! The scenario file (JSON, schema in docs/pool-scenario.md) is the base; every flag given on the
//! command line overrides the matching field. Output is a text summary or the JSON report whose field
//! names are a stable contract.

use crate::input::read_input;
use pgdojo::pool::{
    parse_range, preset, presets, sweep_grid, sweep_pool, Dist, PoolMode, Report, Scenario,
    Simulation, Sweep,
};

/// Output formats.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
}

/// Arguments of `pgdojo pool`, boxed: the many optional flags would otherwise make every subcommand
/// enum value large.
#[derive(clap::Args, Debug)]
pub struct PoolArgs {
    #[command(flatten)]
    pub flags: Box<PoolFlags>,
}

/// The flags of `pgdojo pool`. Times are in milliseconds, rates per second.
#[derive(clap::Args, Debug)]
pub struct PoolFlags {
    /// Scenario JSON file (`-` = stdin); flags override its fields.
    #[arg(long, value_name = "FILE.json", conflicts_with = "preset")]
    pub scenario: Option<String>,
    /// Start from a guided preset's scenario (see --list-presets); flags override it.
    #[arg(long, value_name = "ID")]
    pub preset: Option<String>,
    /// List the guided presets and exit.
    #[arg(long)]
    pub list_presets: bool,
    /// Poisson arrivals per second over all instances.
    #[arg(long, value_name = "R")]
    pub arrival_rate: Option<f64>,
    /// Database work per transaction: exp:MS, const:MS, lognormal:P50,P99 or uniform:MIN,MAX.
    #[arg(long, value_name = "DIST")]
    pub service: Option<String>,
    /// App time inside the transaction (same forms as --service).
    #[arg(long, value_name = "DIST")]
    pub app_time: Option<String>,
    /// Maximum pool size per instance.
    #[arg(long, value_name = "N")]
    pub pool_size: Option<u32>,
    /// Number of app instances, each with its own pool.
    #[arg(long, value_name = "N")]
    pub instances: Option<u32>,
    /// At most K requests wait per pool; more fail at once.
    #[arg(long, value_name = "K")]
    pub queue_limit: Option<u32>,
    /// Give up waiting for a connection after MS (from arrival).
    #[arg(long, value_name = "MS")]
    pub acquire_timeout: Option<f64>,
    /// Database CPU cores (default: unlimited).
    #[arg(long, value_name = "N")]
    pub db_cores: Option<u32>,
    /// USL contention sigma.
    #[arg(long, value_name = "S")]
    pub usl_sigma: Option<f64>,
    /// USL coherency kappa.
    #[arg(long, value_name = "K")]
    pub usl_kappa: Option<f64>,
    /// The database's max_connections.
    #[arg(long, value_name = "N")]
    pub max_connections: Option<u32>,
    /// Open a connection per request instead of pooling.
    #[arg(long)]
    pub no_pool: bool,
    /// Connection setup: network round trips.
    #[arg(long, value_name = "N")]
    pub setup_round_trips: Option<u32>,
    /// Connection setup: server CPU (auth, TLS, backend start).
    #[arg(long, value_name = "MS")]
    pub setup_cpu: Option<f64>,
    /// One network round trip.
    #[arg(long, value_name = "MS")]
    pub rtt: Option<f64>,
    /// Number of requests to simulate.
    #[arg(long, value_name = "N")]
    pub requests: Option<u64>,
    /// Leading requests left out of the statistics.
    #[arg(long, value_name = "N")]
    pub warmup: Option<u64>,
    /// Seed of the simulator's PRNG.
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,
    /// Run every pool size from A to B (inclusive) and report the knee.
    #[arg(long, value_name = "A..B")]
    pub sweep_pool: Option<String>,
    /// With --sweep-pool: repeat the sweep for every instance count from A to B.
    #[arg(long, value_name = "A..B", requires = "sweep_pool")]
    pub sweep_instances: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// Builds the scenario: file first, then flags.
fn build_scenario(args: &PoolFlags) -> Result<Scenario, String> {
    let mut s = match (&args.scenario, &args.preset) {
        (Some(path), _) => {
            Scenario::from_json(&read_input(path)?).map_err(|e| format!("{path}: {e}"))?
        }
        (None, Some(id)) => {
            preset(id)
                .ok_or_else(|| format!("no preset {id:?}; see --list-presets"))?
                .scenario
        }
        (None, None) => Scenario::default(),
    };
    if let Some(x) = args.arrival_rate {
        s.traffic.arrival_rate = x;
    }
    if let Some(d) = &args.service {
        s.work.db = Dist::parse(d).map_err(|e| format!("--service: {e}"))?;
    }
    if let Some(d) = &args.app_time {
        s.work.app = Dist::parse(d).map_err(|e| format!("--app-time: {e}"))?;
    }
    if let Some(x) = args.pool_size {
        s.pool.size = x;
    }
    if let Some(x) = args.instances {
        s.pool.instances = x;
    }
    if let Some(x) = args.queue_limit {
        s.pool.queue_limit = Some(x);
    }
    if let Some(x) = args.acquire_timeout {
        s.pool.acquire_timeout_ms = x;
    }
    if let Some(x) = args.db_cores {
        s.database.cores = Some(x);
    }
    if let Some(x) = args.usl_sigma {
        s.database.usl_sigma = x;
    }
    if let Some(x) = args.usl_kappa {
        s.database.usl_kappa = x;
    }
    if let Some(x) = args.max_connections {
        s.database.max_connections = x;
    }
    if args.no_pool {
        s.pool.mode = PoolMode::NoPool;
    }
    if let Some(x) = args.setup_round_trips {
        s.pool.setup.round_trips = x;
    }
    if let Some(x) = args.setup_cpu {
        s.pool.setup.auth_cpu_ms = x;
    }
    if let Some(x) = args.rtt {
        s.work.rtt_ms = x;
    }
    if let Some(x) = args.requests {
        s.requests = x;
    }
    if let Some(x) = args.warmup {
        s.warmup_requests = x;
    }
    if let Some(x) = args.seed {
        s.seed = x;
    }
    s.validate()?;
    Ok(s)
}

/// Runs the subcommand and returns the exit code (2 on usage errors).
pub fn run(args: PoolArgs) -> u8 {
    match execute(&args.flags) {
        Ok(text) => {
            println!("{text}");
            0
        }
        Err(message) => {
            eprintln!("pgdojo pool: {message}");
            2
        }
    }
}

fn execute(args: &PoolFlags) -> Result<String, String> {
    if args.list_presets {
        let list = presets()?;
        return Ok(list
            .iter()
            .map(|p| format!("{:<26} {}", p.id, p.title))
            .collect::<Vec<_>>()
            .join("\n"));
    }
    let scenario = build_scenario(args)?;
    let json = |v: &dyn erased::Json| v.to_json();
    if let Some(range) = &args.sweep_pool {
        let (from, to) = parse_range(range).map_err(|e| format!("--sweep-pool: {e}"))?;
        if let Some(inst) = &args.sweep_instances {
            let (a, b) = parse_range(inst).map_err(|e| format!("--sweep-instances: {e}"))?;
            let grid = sweep_grid(&scenario, (from, to), (a, b))?;
            return Ok(match args.format {
                Format::Json => json(&serde_json::json!({ "by_instances": grid })),
                Format::Text => grid
                    .iter()
                    .map(|g| format!("instances {}\n{}", g.instances, sweep_text(&g.sweep)))
                    .collect::<Vec<_>>()
                    .join("\n\n"),
            });
        }
        let sweep = sweep_pool(&scenario, from, to)?;
        return Ok(match args.format {
            Format::Json => json(&sweep),
            Format::Text => sweep_text(&sweep),
        });
    }
    let mut sim = Simulation::new(scenario.clone())?;
    sim.run_to_end();
    let report = sim.report();
    Ok(match args.format {
        Format::Json => json(&report),
        Format::Text => report_text(&scenario, &report),
    })
}

/// Serialisation of the two output types without repeating the error handling.
mod erased {
    pub trait Json {
        fn to_json(&self) -> String;
    }
    impl<T: serde::Serialize> Json for T {
        fn to_json(&self) -> String {
            // Reports hold only numbers and strings: serialising cannot fail, but never panic.
            serde_json::to_string_pretty(self).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
        }
    }
}

fn pct(x: f64) -> String {
    format!("{:.2} %", x * 100.0)
}

fn report_text(s: &Scenario, r: &Report) -> String {
    let mode = match s.pool.mode {
        PoolMode::Pooled => format!("pool {} x {} instance(s)", s.pool.size, s.pool.instances),
        PoolMode::NoPool => format!("no pool, {} instance(s)", s.pool.instances),
    };
    let w = &r.wait_ms;
    let l = &r.latency_ms;
    let f = &r.failures;
    let mut extra = Vec::new();
    if f.instance_restart + f.query_wait_timeout > 0 {
        extra.push(format!(
            "failures: instance restart {}, PgBouncer query_wait_timeout {}",
            f.instance_restart, f.query_wait_timeout
        ));
    }
    if r.retries + r.leaked_connections + r.nested_acquisitions > 0 {
        extra.push(format!(
            "retries {}  leaked connections {}  nested acquisitions {}",
            r.retries, r.leaked_connections, r.nested_acquisitions
        ));
    }
    if r.server_connections_opened + r.server_login_failures > 0 {
        extra.push(format!(
            "PgBouncer: {} server connections opened, {} logins refused (max_connections)",
            r.server_connections_opened, r.server_login_failures
        ));
    }
    if r.abandoned_attempts > 0 {
        extra.push(format!(
            "callers gave up: {} attempts abandoned, {} of them still ran (wasted), {} requests failed (client timeout)",
            r.abandoned_attempts, r.wasted_transactions, f.client_timeout
        ));
    }
    if let Some(g) = &r.overload_guard {
        extra.push(format!(
            "overload guard: from {:.1} s on, {} arrivals were refused because {} requests were already in the system (max_in_system)",
            g.first_refusal_ms / 1000.0,
            g.refused,
            g.limit
        ));
    }
    let lines = [
        format!(
            "{} requests at {} req/s, {mode}, seed {}",
            s.requests, s.traffic.arrival_rate, s.seed
        ),
        format!(
            "arrived {}  completed {}  failed {}  in flight {}",
            r.requests_arrived, r.requests_completed, r.requests_failed, r.requests_in_flight
        ),
        format!(
            "failures: queue full {}, acquire timeout {}, too many connections {}",
            f.queue_full, f.acquire_timeout, f.too_many_connections
        ),
        format!(
            "throughput {:.1} req/s  P(wait) {}  rejected {}",
            r.throughput_rps,
            pct(r.p_wait),
            pct(r.p_reject)
        ),
        format!(
            "pool wait ms: mean {:.3}  p50 {:.3}  p95 {:.3}  p99 {:.3}  p99.9 {:.3}",
            w.mean, w.p50, w.p95, w.p99, w.p999
        ),
        format!(
            "latency ms:   mean {:.3}  p50 {:.3}  p95 {:.3}  p99 {:.3}  p99.9 {:.3}  max {:.3}",
            l.mean, l.p50, l.p95, l.p99, l.p999, l.max
        ),
        format!(
            "busy connections {:.3} (Little's law: throughput x mean hold {:.3} ms, error {})",
            r.mean_busy_connections,
            r.mean_hold_ms,
            pct(r.littles_law_error)
        ),
        format!(
            "database: {:.2} busy cores, {:.1} open connections, {} opened",
            r.mean_db_busy_cores, r.mean_open_connections, r.connections_opened
        ),
        format!(
            "{} events, {:.1} simulated seconds",
            r.events,
            r.sim_time_ms / 1000.0
        ),
    ];
    lines
        .into_iter()
        .chain(extra)
        .collect::<Vec<_>>()
        .join("\n")
}

fn sweep_text(sweep: &Sweep) -> String {
    let mut lines = vec![format!(
        "{:>6} {:>12} {:>10} {:>10} {:>10} {:>8}",
        "pool", "req/s", "wait ms", "p99 ms", "busy", "failed"
    )];
    for run in &sweep.runs {
        let r = &run.report;
        lines.push(format!(
            "{:>6} {:>12.1} {:>10.3} {:>10.3} {:>10.3} {:>8}",
            run.pool_size,
            r.throughput_rps,
            r.wait_ms.mean,
            r.latency_ms.p99,
            r.mean_busy_connections,
            r.requests_failed
        ));
    }
    let show = |x: Option<u32>| x.map_or("none".to_string(), |v| v.to_string());
    lines.push(format!(
        "knee (smallest pool within 5 % of the best p99): {}",
        show(sweep.knee)
    ));
    lines.push(format!("throughput collapses at: {}", show(sweep.collapse)));
    if let Some(h) = sweep.hikari_formula {
        lines.push(format!("HikariCP starting point (cores * 2 + 1): {h}"));
    }
    lines.join("\n")
}
