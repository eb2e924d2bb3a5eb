//! Pool-sizing workshop (pure core).
//!
//! A deterministic discrete-event simulator of application connection pools in front of a PostgreSQL
//! server with `max_connections`, connection setup cost and saturation. Where queueing theory has an
//! exact answer (Erlang C, M/M/c/K, M/D/c), the simulator's numbers must match it.
