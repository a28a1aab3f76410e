-- The shared state of a clustered gateway (package org.ndoo.gateway.state). No NHS number is kept in any table but
-- the two MESH wait tables (the permitted numbers of a submission waiting for its last chunk, deleted on delivery).
-- Inputs are named by input_key, the SHA-256 (hex) of where the input is at its source, never by that path itself.

-- Camel's JdbcAggregationRepository of mesh-wait (mesh.MeshWaitRepository): open waits, and completed ones whose
-- result is not delivered yet.
CREATE TABLE mesh_waits (
    id VARCHAR(255) NOT NULL PRIMARY KEY,
    exchange BYTEA NOT NULL,
    version BIGINT NOT NULL
);
CREATE TABLE mesh_waits_completed (
    id VARCHAR(255) NOT NULL PRIMARY KEY,
    exchange BYTEA NOT NULL,
    version BIGINT NOT NULL
);

-- The monthly sequence of MESH request file names (<mailbox>-<ddMMyy>-<NNNN>.dat): the last number given per month.
CREATE TABLE mesh_file_sequence (
    month CHAR(4) NOT NULL PRIMARY KEY,
    last_number INTEGER NOT NULL
);

-- The submission board (operations.SubmissionBoard): submissions in flight, and on which node.
CREATE TABLE submissions_in_flight (
    reference VARCHAR(64) NOT NULL PRIMARY KEY,
    input_key CHAR(64) NOT NULL,
    submitter TEXT NOT NULL,
    file_name TEXT NOT NULL,
    source VARCHAR(64) NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    chunks_done INTEGER NOT NULL,
    chunks_total INTEGER NOT NULL,
    rows_read BIGINT NOT NULL,
    to_check BIGINT NOT NULL,
    stage TEXT NOT NULL,
    node VARCHAR(255) NOT NULL
);

-- Inputs waiting for their next attempt (lookup or mail down...), one row per input.
CREATE TABLE submissions_waiting (
    input_key CHAR(64) NOT NULL PRIMARY KEY,
    reference VARCHAR(64) NOT NULL,
    submitter TEXT NOT NULL,
    file_name TEXT NOT NULL,
    source VARCHAR(64) NOT NULL,
    reason TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    next_attempt TIMESTAMP WITH TIME ZONE
);

-- Finished submissions: the board's recent outcomes and a person's ended web checks (/checks), kept for the web
-- history's days (gateway.web.history-days) and at least the board's last 50.
CREATE TABLE submission_outcomes (
    reference VARCHAR(64) NOT NULL PRIMARY KEY,
    added BIGSERIAL NOT NULL,
    submitter TEXT NOT NULL,
    file_name TEXT NOT NULL,
    source VARCHAR(64) NOT NULL,
    outcome VARCHAR(64) NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at TIMESTAMP WITH TIME ZONE NOT NULL,
    duration_ms BIGINT NOT NULL,
    rows_read BIGINT NOT NULL,
    valid BIGINT NOT NULL,
    invalid BIGINT NOT NULL,
    duplicates BIGINT NOT NULL,
    checked BIGINT NOT NULL,
    permitted BIGINT NOT NULL,
    withheld BIGINT NOT NULL,
    reason TEXT NOT NULL
);
CREATE INDEX submission_outcomes_by_time ON submission_outcomes (finished_at);
CREATE INDEX submission_outcomes_by_order ON submission_outcomes (added);
CREATE INDEX submission_outcomes_by_submitter ON submission_outcomes (lower(submitter), received_at);

-- Web checks handed in and not started yet (web.WebHistory), by the address that sent them.
CREATE TABLE web_checks_received (
    reference VARCHAR(64) NOT NULL PRIMARY KEY,
    submitter TEXT NOT NULL,
    sent TEXT NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The retry schedule's attempts per input (retry.RetrySchedule): a new leader goes on counting, and the maximum age
-- still counts from the first attempt.
CREATE TABLE retry_attempts (
    input_key CHAR(64) NOT NULL PRIMARY KEY,
    first_attempt TIMESTAMP WITH TIME ZONE NOT NULL,
    last_attempt TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts INTEGER NOT NULL
);

-- The front door's sign-in links and sessions (web.WebSessions), each by the SHA-256 hash of its token, never the
-- token itself.
CREATE TABLE web_sign_in_links (
    token_hash BYTEA NOT NULL PRIMARY KEY,
    address TEXT NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE TABLE web_sessions (
    token_hash BYTEA NOT NULL PRIMARY KEY,
    address TEXT NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
