//! Plans in the store: a plan and its themes, hot topics and measures.
//!
//! A plan is written whole: [`insert`] and [`replace`] take a complete
//! [`Plan`], checked by the same rules as a plan file.

use rusqlite::{Connection, OptionalExtension, Transaction, params};
use serde::Serialize;
use ts_rs::TS;

use super::{Result, StoreError, dec_in, dec_out, dec_req, found, list_in, list_out, now};
use crate::domain::{HotTopic, Measure, Plan, Source, Theme};
use crate::files::validate_plan;

/// A line of the plans list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PlanSummary {
    /// The plan's id.
    pub id: String,
    /// Who publishes it.
    pub issuer: String,
    /// Its title.
    pub title: String,
    /// How many hot topics it has.
    pub hot_topics: i64,
    /// How many tenders use it.
    pub tenders: i64,
    /// When it was last changed in this store.
    pub updated_at: String,
}

/// Whether a plan with this id is stored.
pub fn exists(conn: &Connection, id: &str) -> Result<bool> {
    Ok(conn
        .query_row("SELECT 1 FROM plans WHERE id = ?1", [id], |_| Ok(()))
        .optional()?
        .is_some())
}

/// Stores a new plan; refuses an id already used.
pub fn insert(tx: &Transaction, plan: &Plan) -> Result<()> {
    validate_plan(plan)?;
    if exists(tx, &plan.id)? {
        return Err(StoreError::Conflict(format!(
            "a plan with the id {:?} is already in the store: give the new plan another id, or replace the stored one",
            plan.id
        )));
    }
    let at = now();
    tx.execute(
        "INSERT INTO plans (id, issuer, title, published, local_area, local_places, summary,
                            source_name, source_licence, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)",
        params![
            plan.id,
            plan.issuer,
            plan.title,
            crate::domain::fields::format_date(plan.published),
            plan.local_area,
            list_out(&plan.local_places),
            plan.summary,
            plan.source.as_ref().map(|s| &s.name),
            plan.source.as_ref().and_then(|s| s.licence.as_ref()),
            at,
        ],
    )?;
    insert_children(tx, plan)
}

fn insert_children(tx: &Transaction, plan: &Plan) -> Result<()> {
    let mut theme = tx.prepare(
        "INSERT INTO themes (plan_id, position, id, name, description, outcomes)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for (i, t) in plan.themes.iter().enumerate() {
        theme.execute(params![
            plan.id,
            super::position(i),
            t.id,
            t.name,
            t.description,
            list_out(&t.outcomes)
        ])?;
    }
    let mut measure = tx.prepare(
        "INSERT INTO measures (plan_id, position, id, name, unit, proxy_value, proxy_source)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for (i, m) in plan.measures.iter().enumerate() {
        measure.execute(params![
            plan.id,
            super::position(i),
            m.id,
            m.name,
            m.unit,
            dec_out(m.proxy_value),
            m.proxy_source
        ])?;
    }
    let mut topic = tx.prepare(
        "INSERT INTO hot_topics (plan_id, position, id, theme, title, description, weight,
                                 place_based, measures, examples)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?;
    for (i, t) in plan.hot_topics.iter().enumerate() {
        topic.execute(params![
            plan.id,
            super::position(i),
            t.id,
            t.theme,
            t.title,
            t.description,
            t.weight.to_string(),
            t.place_based,
            list_out(&t.measures),
            list_out(&t.examples)
        ])?;
    }
    Ok(())
}

/// Replaces the stored plan `plan.id` with `plan`, refusing to drop a hot
/// topic or measure that a commitment uses.
pub fn replace(tx: &Transaction, plan: &Plan) -> Result<()> {
    validate_plan(plan)?;
    if !exists(tx, &plan.id)? {
        return Err(StoreError::NotFound {
            what: "plan",
            id: plan.id.clone(),
        });
    }
    let mut used = tx.prepare(
        "SELECT c.hot_topic, c.measure, o.id FROM commitments c
         JOIN offers o ON o.id = c.offer_id
         JOIN tenders t ON t.id = o.tender_id
         WHERE t.plan_id = ?1",
    )?;
    let rows = used.query_map([&plan.id], |r| {
        Ok((
            r.get::<_, Option<String>>(0)?,
            r.get::<_, Option<String>>(1)?,
            r.get::<_, i64>(2)?,
        ))
    })?;
    for row in rows {
        let (topic, measure, offer) = row?;
        if let Some(topic) = topic.filter(|t| plan.hot_topic(t).is_none()) {
            return Err(StoreError::Conflict(format!(
                "offer {offer} has a commitment to the hot topic {topic:?}, which the changed plan no longer has: move that commitment first"
            )));
        }
        if let Some(measure) = measure.filter(|m| plan.measure(m).is_none()) {
            return Err(StoreError::Conflict(format!(
                "offer {offer} has a commitment counted in the measure {measure:?}, which the changed plan no longer has: change that commitment first"
            )));
        }
    }
    tx.execute(
        "UPDATE plans SET issuer = ?2, title = ?3, published = ?4, local_area = ?5,
             local_places = ?6, summary = ?7, source_name = ?8, source_licence = ?9,
             updated_at = ?10
         WHERE id = ?1",
        params![
            plan.id,
            plan.issuer,
            plan.title,
            crate::domain::fields::format_date(plan.published),
            plan.local_area,
            list_out(&plan.local_places),
            plan.summary,
            plan.source.as_ref().map(|s| &s.name),
            plan.source.as_ref().and_then(|s| s.licence.as_ref()),
            now(),
        ],
    )?;
    for table in ["hot_topics", "measures", "themes"] {
        tx.execute(
            &format!("DELETE FROM {table} WHERE plan_id = ?1"),
            [&plan.id],
        )?;
    }
    insert_children(tx, plan)
}

/// Stores a plan: a new one is added, a stored one (same id) replaced.
pub fn save(tx: &Transaction, plan: &Plan) -> Result<()> {
    if exists(tx, &plan.id)? {
        replace(tx, plan)
    } else {
        insert(tx, plan)
    }
}

/// Deletes a plan that no tender uses.
pub fn delete(tx: &Transaction, id: &str) -> Result<()> {
    let tenders: i64 = tx.query_row(
        "SELECT count(*) FROM tenders WHERE plan_id = ?1",
        [id],
        |r| r.get(0),
    )?;
    if tenders > 0 {
        return Err(StoreError::Conflict(format!(
            "the plan {id:?} is used by {tenders} tender(s): delete them first"
        )));
    }
    if tx.execute("DELETE FROM plans WHERE id = ?1", [id])? == 0 {
        return Err(StoreError::NotFound {
            what: "plan",
            id: id.to_owned(),
        });
    }
    Ok(())
}

/// Reads a whole plan.
pub fn get(conn: &Connection, id: &str) -> Result<Plan> {
    let head = found(
        conn.query_row(
            "SELECT issuer, title, published, local_area, local_places, summary,
                    source_name, source_licence
             FROM plans WHERE id = ?1",
            [id],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, Option<String>>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, Option<String>>(5)?,
                    r.get::<_, Option<String>>(6)?,
                    r.get::<_, Option<String>>(7)?,
                ))
            },
        ),
        "plan",
        id,
    )?;
    let (issuer, title, published, local_area, local_places, summary, source_name, licence) = head;

    let mut stmt = conn.prepare(
        "SELECT id, name, description, outcomes FROM themes WHERE plan_id = ?1 ORDER BY position",
    )?;
    let themes = stmt
        .query_map([id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, String>(3)?,
            ))
        })?
        .map(|row| {
            let (id, name, description, outcomes) = row?;
            Ok(Theme {
                id,
                name,
                description,
                outcomes: list_in(&outcomes)?,
            })
        })
        .collect::<Result<Vec<_>>>()?;

    let mut stmt = conn.prepare(
        "SELECT id, theme, title, description, weight, place_based, measures, examples
         FROM hot_topics WHERE plan_id = ?1 ORDER BY position",
    )?;
    let hot_topics = stmt
        .query_map([id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, bool>(5)?,
                r.get::<_, String>(6)?,
                r.get::<_, String>(7)?,
            ))
        })?
        .map(|row| {
            let (id, theme, title, description, weight, place_based, measures, examples) = row?;
            Ok(HotTopic {
                id,
                theme,
                title,
                description,
                weight: dec_req(&weight)?,
                place_based,
                measures: list_in(&measures)?,
                examples: list_in(&examples)?,
            })
        })
        .collect::<Result<Vec<_>>>()?;

    let mut stmt = conn.prepare(
        "SELECT id, name, unit, proxy_value, proxy_source
         FROM measures WHERE plan_id = ?1 ORDER BY position",
    )?;
    let measures = stmt
        .query_map([id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, Option<String>>(4)?,
            ))
        })?
        .map(|row| {
            let (id, name, unit, proxy_value, proxy_source) = row?;
            Ok(Measure {
                id,
                name,
                unit,
                proxy_value: dec_in(proxy_value)?,
                proxy_source,
            })
        })
        .collect::<Result<Vec<_>>>()?;

    Ok(Plan {
        id: id.to_owned(),
        issuer,
        title,
        published: super::date_req(&published)?,
        local_area,
        local_places: list_in(&local_places)?,
        summary,
        source: source_name.map(|name| Source { name, licence }),
        themes,
        hot_topics,
        measures,
    })
}

/// Every plan, by title.
pub fn list(conn: &Connection) -> Result<Vec<PlanSummary>> {
    let mut stmt = conn.prepare(
        "SELECT p.id, p.issuer, p.title,
                (SELECT count(*) FROM hot_topics h WHERE h.plan_id = p.id),
                (SELECT count(*) FROM tenders t WHERE t.plan_id = p.id),
                p.updated_at
         FROM plans p ORDER BY p.title COLLATE NOCASE, p.id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(PlanSummary {
            id: r.get(0)?,
            issuer: r.get(1)?,
            title: r.get(2)?,
            hot_topics: r.get(3)?,
            tenders: r.get(4)?,
            updated_at: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Adds every sample plan that the store does not hold yet
/// ([`crate::samples`]).
pub fn add_samples(tx: &Transaction) -> Result<()> {
    for plan in crate::samples::sample_plans().map_err(StoreError::Corrupt)? {
        if !exists(tx, &plan.id)? {
            insert(tx, &plan)?;
        }
    }
    Ok(())
}
