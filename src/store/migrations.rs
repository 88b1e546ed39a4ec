//! The store's schema, as an ordered list of migrations.
//!
//! Migration `n` (counting from 1) brings a store from `user_version = n - 1`
//! to `n`. Never edit a migration that has shipped: add a new one at the end,
//! and a fixture store of the previous version under `tests/fixtures/` so the
//! upgrade is tested.

/// `application_id` of an Offerwright store: "OFWR".
pub const APPLICATION_ID: i64 = 0x4F46_5752;

/// Every migration, in order.
pub const MIGRATIONS: &[&str] = &[
    // 1: plans, tenders, offers, evidence.
    r#"
CREATE TABLE plans (
    id TEXT PRIMARY KEY NOT NULL,
    issuer TEXT NOT NULL,
    title TEXT NOT NULL,
    published TEXT NOT NULL,
    local_area TEXT,
    local_places TEXT NOT NULL DEFAULT '[]',
    summary TEXT,
    source_name TEXT,
    source_licence TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE themes (
    plan_id TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE ON UPDATE CASCADE,
    position INTEGER NOT NULL,
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    description TEXT,
    outcomes TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (plan_id, id)
) STRICT;

CREATE TABLE measures (
    plan_id TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE ON UPDATE CASCADE,
    position INTEGER NOT NULL,
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    unit TEXT NOT NULL,
    proxy_value TEXT,
    proxy_source TEXT,
    PRIMARY KEY (plan_id, id),
    CHECK (proxy_value IS NULL OR proxy_source IS NOT NULL)
) STRICT;

CREATE TABLE hot_topics (
    plan_id TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE ON UPDATE CASCADE,
    position INTEGER NOT NULL,
    id TEXT NOT NULL,
    theme TEXT NOT NULL,
    title TEXT NOT NULL,
    description TEXT,
    weight TEXT NOT NULL,
    place_based INTEGER NOT NULL CHECK (place_based IN (0, 1)),
    measures TEXT NOT NULL DEFAULT '[]',
    examples TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (plan_id, id),
    FOREIGN KEY (plan_id, theme) REFERENCES themes(plan_id, id) ON UPDATE CASCADE DEFERRABLE INITIALLY DEFERRED
) STRICT;

CREATE TABLE tenders (
    id INTEGER PRIMARY KEY,
    plan_id TEXT NOT NULL REFERENCES plans(id) ON UPDATE CASCADE,
    title TEXT NOT NULL,
    buyer TEXT NOT NULL,
    reference TEXT NOT NULL,
    deadline TEXT NOT NULL,
    contract_value TEXT NOT NULL,
    contract_start TEXT,
    duration_months INTEGER NOT NULL CHECK (duration_months >= 1),
    social_value_weighting TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX tenders_by_plan ON tenders(plan_id);

CREATE TABLE questions (
    tender_id INTEGER NOT NULL REFERENCES tenders(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    id TEXT NOT NULL,
    text TEXT NOT NULL,
    word_limit INTEGER CHECK (word_limit >= 1),
    char_limit INTEGER CHECK (char_limit >= 1),
    marks TEXT NOT NULL,
    PRIMARY KEY (tender_id, id)
) STRICT;

CREATE TABLE offers (
    id INTEGER PRIMARY KEY,
    tender_id INTEGER NOT NULL REFERENCES tenders(id),
    bidder_name TEXT NOT NULL,
    bidder_kind TEXT CHECK (bidder_kind IN ('micro', 'sme', 'social_enterprise', 'charity', 'large')),
    bidder_employees INTEGER CHECK (bidder_employees >= 0),
    bidder_location TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX offers_by_tender ON offers(tender_id);

CREATE TABLE answers (
    offer_id INTEGER NOT NULL REFERENCES offers(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    question TEXT NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (offer_id, question)
) STRICT;

CREATE TABLE commitments (
    offer_id INTEGER NOT NULL REFERENCES offers(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    id TEXT NOT NULL,
    hot_topic TEXT,
    measure TEXT,
    what TEXT NOT NULL,
    quantity TEXT,
    unit TEXT,
    by_date TEXT,
    place TEXT,
    beneficiaries TEXT,
    how TEXT,
    owner TEXT,
    kpi TEXT,
    reporting TEXT,
    evidence TEXT,
    baseline TEXT,
    additional INTEGER NOT NULL CHECK (additional IN (0, 1)),
    PRIMARY KEY (offer_id, id)
) STRICT;

CREATE TABLE evidence (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('case_study', 'past_delivery')),
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    quantity TEXT,
    unit TEXT,
    delivered_on TEXT,
    source TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;
"#,
    // 2: the delivery tracker. A won offer's contract keeps the offer file
    // as submitted; delivery records are only ever added (a correction is a
    // new record), so that every figure keeps its history.
    r#"
CREATE TABLE contracts (
    offer_id INTEGER PRIMARY KEY REFERENCES offers(id) ON DELETE CASCADE,
    awarded_on TEXT NOT NULL,
    start TEXT NOT NULL,
    reporting TEXT NOT NULL
        CHECK (reporting IN ('monthly', 'quarterly', 'six_monthly', 'yearly')),
    submitted TEXT NOT NULL
) STRICT;

CREATE TABLE delivery_records (
    id INTEGER PRIMARY KEY,
    offer_id INTEGER NOT NULL REFERENCES contracts(offer_id) ON DELETE CASCADE,
    commitment TEXT NOT NULL,
    period INTEGER NOT NULL CHECK (period >= 1),
    achieved TEXT NOT NULL,
    note TEXT,
    evidence TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL
) STRICT;

CREATE INDEX delivery_records_by_offer ON delivery_records(offer_id, id);

CREATE TRIGGER delivery_records_are_kept BEFORE UPDATE ON delivery_records
BEGIN
    SELECT RAISE(ABORT, 'delivery records are never changed: record a correction instead');
END;
"#,
    // 3: a won offer is kept by the store itself, not only by the code
    // that writes it. Its offer row, answers and commitments are never
    // changed; it, its contract and its delivery records are deleted only
    // by a deliberate deletion, which names the offer in
    // `won_offer_deletions` for the length of its transaction (after a
    // backup); an award is withdrawn only while nothing is recorded.
    r#"
CREATE TABLE won_offer_deletions (
    offer_id INTEGER PRIMARY KEY
) STRICT;

CREATE TRIGGER won_offers_keep_their_row BEFORE UPDATE ON offers
WHEN EXISTS (SELECT 1 FROM contracts WHERE offer_id = OLD.id)
BEGIN
    SELECT RAISE(ABORT, 'this offer was marked as won: it is kept as it was submitted');
END;

CREATE TRIGGER won_offers_are_deleted_on_purpose BEFORE DELETE ON offers
WHEN EXISTS (SELECT 1 FROM contracts WHERE offer_id = OLD.id)
    AND NOT EXISTS (SELECT 1 FROM won_offer_deletions WHERE offer_id = OLD.id)
BEGIN
    SELECT RAISE(ABORT, 'this offer was marked as won: deleting it would delete its contract and delivery records');
END;

CREATE TRIGGER won_offers_keep_their_answers_insert BEFORE INSERT ON answers
WHEN EXISTS (SELECT 1 FROM contracts WHERE offer_id = NEW.offer_id)
BEGIN
    SELECT RAISE(ABORT, 'this offer was marked as won: it is kept as it was submitted');
END;

CREATE TRIGGER won_offers_keep_their_answers_update BEFORE UPDATE ON answers
WHEN EXISTS (SELECT 1 FROM contracts WHERE offer_id IN (OLD.offer_id, NEW.offer_id))
BEGIN
    SELECT RAISE(ABORT, 'this offer was marked as won: it is kept as it was submitted');
END;

CREATE TRIGGER won_offers_keep_their_answers_delete BEFORE DELETE ON answers
WHEN EXISTS (SELECT 1 FROM contracts WHERE offer_id = OLD.offer_id)
    AND NOT EXISTS (SELECT 1 FROM won_offer_deletions WHERE offer_id = OLD.offer_id)
BEGIN
    SELECT RAISE(ABORT, 'this offer was marked as won: it is kept as it was submitted');
END;

CREATE TRIGGER won_offers_keep_their_commitments_insert BEFORE INSERT ON commitments
WHEN EXISTS (SELECT 1 FROM contracts WHERE offer_id = NEW.offer_id)
BEGIN
    SELECT RAISE(ABORT, 'this offer was marked as won: it is kept as it was submitted');
END;

CREATE TRIGGER won_offers_keep_their_commitments_update BEFORE UPDATE ON commitments
WHEN EXISTS (SELECT 1 FROM contracts WHERE offer_id IN (OLD.offer_id, NEW.offer_id))
BEGIN
    SELECT RAISE(ABORT, 'this offer was marked as won: it is kept as it was submitted');
END;

CREATE TRIGGER won_offers_keep_their_commitments_delete BEFORE DELETE ON commitments
WHEN EXISTS (SELECT 1 FROM contracts WHERE offer_id = OLD.offer_id)
    AND NOT EXISTS (SELECT 1 FROM won_offer_deletions WHERE offer_id = OLD.offer_id)
BEGIN
    SELECT RAISE(ABORT, 'this offer was marked as won: it is kept as it was submitted');
END;

CREATE TRIGGER contracts_are_kept BEFORE UPDATE ON contracts
BEGIN
    SELECT RAISE(ABORT, 'a contract is never changed: withdraw the award while nothing is recorded, or record a correction');
END;

CREATE TRIGGER contracts_with_records_are_kept BEFORE DELETE ON contracts
WHEN EXISTS (SELECT 1 FROM delivery_records WHERE offer_id = OLD.offer_id)
    AND NOT EXISTS (SELECT 1 FROM won_offer_deletions WHERE offer_id = OLD.offer_id)
BEGIN
    SELECT RAISE(ABORT, 'this contract has delivery records: an award with a delivery history cannot be withdrawn');
END;

CREATE TRIGGER delivery_records_are_not_deleted BEFORE DELETE ON delivery_records
WHEN NOT EXISTS (SELECT 1 FROM won_offer_deletions WHERE offer_id = OLD.offer_id)
BEGIN
    SELECT RAISE(ABORT, 'delivery records are never deleted: record a correction instead');
END;
"#,
    // 4: facts about the store itself, kept in it rather than guessed: the
    // app's first run gave the demo. A store older than this had its
    // first run already; a new store has the fact removed as it is made
    // (`Store::migrate`).
    r#"
CREATE TABLE settings (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) STRICT;

INSERT INTO settings (key, value) VALUES ('demo_given', 'before settings were kept');
"#,
];
