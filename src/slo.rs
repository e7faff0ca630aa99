//! Service level objectives of a scope: one per component that promises an
//! availability, and their OpenSLO form for the hand-over to operations.
//! Pure: it reads the `Scope` and writes documents; it decides nothing.

use std::collections::{BTreeMap, HashSet};

use serde::{Deserialize, Serialize};
use sha2::Digest as _;

use crate::engine::Scope;

/// One agreed objective, as sold.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Objective {
    /// The offering id of the component.
    pub component: String,
    pub name: String,
    pub plan: String,
    pub plan_name: String,
    /// Percent per calendar month, e.g. 99.9.
    pub target_percent: f64,
    /// OpenSLO duration of the window: a calendar month.
    pub window: String,
    /// The objective is a planning assumption, to be confirmed.
    pub indicative: bool,
    /// What is measured, in words operations can turn into a query.
    pub indicator: String,
}

/// The objectives of every item with an availability, in scope order.
pub fn objectives(scope: &Scope) -> Vec<Objective> {
    scope
        .items
        .iter()
        .filter_map(|i| {
            let target = i.service_level.availability?;
            Some(Objective {
                component: i.offering.clone(),
                name: i.name.clone(),
                plan: i.plan.clone(),
                plan_name: i.plan_name.clone(),
                target_percent: target,
                window: "1M".into(),
                indicative: i.service_level.source.is_indicative(),
                indicator: format!(
                    "Share of one-minute probes in the month in which {} answered successfully, \
as measured by VSHN's monitoring; maintenance in the agreed window excluded.",
                    i.name
                ),
            })
        })
        .collect()
}

/// The longest `metadata.name` OpenSLO takes (a DNS-1123 label).
pub const MAX_NAME: usize = 63;

/// An SLO's indicator is named after it with this suffix, so SLO names
/// leave room for it.
const SLI_SUFFIX: &str = "-availability";

/// A DNS-1123 label: what OpenSLO requires of a `metadata.name`. Letters
/// are transliterated as in session file names ("Zürich" → "zuerich").
pub fn dns_label(text: &str) -> String {
    dns_label_max(text, MAX_NAME)
}

/// A DNS-1123 label of at most `max` characters. A slug that does not fit
/// is cut and ends in a short hash of the whole text, so two long names
/// that start alike still get two labels.
pub fn dns_label_max(text: &str, max: usize) -> String {
    // Past this the slug cannot fit anyway; the hash covers the rest. Two
    // more than fits: a cut slug loses at most one trailing dash, so it
    // still shows as too long and gets its hash.
    let slug = crate::session::names::slug_part_max(text, max + 2);
    if slug.is_empty() {
        return "unnamed".into();
    }
    if slug.len() <= max {
        return slug;
    }
    let digest = sha2::Sha256::digest(text.as_bytes());
    let hash: String = digest[..4].iter().map(|b| format!("{b:02x}")).collect();
    let head = slug[..max.saturating_sub(hash.len() + 1)].trim_end_matches('-');
    if head.is_empty() {
        hash
    } else {
        format!("{head}-{hash}")
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Document {
    pub api_version: String,
    pub kind: String,
    pub metadata: Metadata,
    pub spec: Spec,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Metadata {
    pub name: String,
    pub display_name: String,
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub annotations: std::collections::BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Spec {
    Slo(Box<SloSpec>),
    Service(ServiceSpec),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ServiceSpec {
    pub description: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SloSpec {
    pub description: String,
    pub service: String,
    pub indicator: Indicator,
    pub time_window: Vec<TimeWindow>,
    pub budgeting_method: String,
    pub objectives: Vec<ObjectiveSpec>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Indicator {
    pub metadata: Metadata,
    pub spec: IndicatorSpec,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IndicatorSpec {
    pub ratio_metric: RatioMetric,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RatioMetric {
    pub counter: bool,
    pub good: MetricRef,
    pub total: MetricRef,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MetricRef {
    pub metric_source: MetricSource,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MetricSource {
    #[serde(rename = "type")]
    pub kind: String,
    pub spec: MetricQuery,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MetricQuery {
    pub query: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TimeWindow {
    pub duration: String,
    pub is_rolling: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calendar: Option<Calendar>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Calendar {
    pub start_time: String,
    pub time_zone: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ObjectiveSpec {
    pub display_name: String,
    pub target: f64,
}

/// The OpenSLO documents of a scope: one `Service` for the customer, then
/// one `SLO` per component with an availability. `start` is the first day
/// of the calendar window, as `YYYY-MM-DD`; without it the window rolls.
pub fn documents(customer: &str, start: Option<&str>, scope: &Scope) -> Vec<Document> {
    documents_of(
        customer,
        start,
        &scope.knowledge_version,
        &objectives(scope),
    )
}

/// The same from objectives already taken from a scope.
pub fn documents_of(
    customer: &str,
    start: Option<&str>,
    knowledge_version: &str,
    objectives: &[Objective],
) -> Vec<Document> {
    documents_in(
        crate::i18n::Lang::En,
        customer,
        start,
        knowledge_version,
        objectives,
    )
}

/// [`documents_of`] with the service's description in `lang` (the
/// objectives carry their own).
pub fn documents_in(
    lang: crate::i18n::Lang,
    customer: &str,
    start: Option<&str>,
    knowledge_version: &str,
    objectives: &[Objective],
) -> Vec<Document> {
    let service = dns_label(customer);
    let mut docs = vec![Document {
        api_version: "openslo/v1".into(),
        kind: "Service".into(),
        metadata: Metadata {
            name: service.clone(),
            display_name: customer.to_string(),
            annotations: Default::default(),
        },
        spec: Spec::Service(ServiceSpec {
            description: crate::tr!(
                lang,
                "slo-service",
                customer = customer,
                version = knowledge_version
            ),
        }),
    }];
    // A component sold twice (a production and a test cluster of the same
    // offering) is told apart by its plan; what still collides is numbered.
    let mut per_component: BTreeMap<&str, usize> = BTreeMap::new();
    for o in objectives {
        *per_component.entry(o.component.as_str()).or_default() += 1;
    }
    let mut used: HashSet<String> = HashSet::new();
    for o in objectives {
        let key = if per_component.get(o.component.as_str()) > Some(&1) {
            format!("{}-{}", o.component, o.plan)
        } else {
            o.component.clone()
        };
        let room = MAX_NAME - SLI_SUFFIX.len();
        let mut name = dns_label_max(&format!("{service}-{key}"), room);
        let mut n = 2;
        while !used.insert(name.clone()) {
            name = dns_label_max(&format!("{service}-{key}-{n}"), room);
            n += 1;
        }
        // probe_success is 1 or 0 per probe: its sum counts the good
        // probes, its count all of them.
        let probe = |function: &str| MetricRef {
            metric_source: MetricSource {
                kind: "Prometheus".into(),
                spec: MetricQuery {
                    query: format!(
                        "sum({function}(probe_success{{customer=\"{service}\",component=\"{}\"}}[1m]))",
                        o.component
                    ),
                },
            },
        };
        let mut annotations = std::collections::BTreeMap::new();
        annotations.insert("nunki.vshn.ch/plan".to_string(), o.plan.clone());
        annotations.insert(
            "nunki.vshn.ch/indicative".to_string(),
            o.indicative.to_string(),
        );
        docs.push(Document {
            api_version: "openslo/v1".into(),
            kind: "SLO".into(),
            metadata: Metadata {
                name: name.clone(),
                display_name: format!("{} — {}", o.name, o.plan_name),
                annotations,
            },
            spec: Spec::Slo(Box::new(SloSpec {
                description: if o.indicative {
                    crate::tr!(
                        lang,
                        "slo-objective-indicative",
                        percent = o.target_percent,
                        component = &o.name,
                        plan = &o.plan_name,
                        indicative = crate::tr!(lang, "indicative")
                    )
                } else {
                    crate::tr!(
                        lang,
                        "slo-objective",
                        percent = o.target_percent,
                        component = &o.name,
                        plan = &o.plan_name
                    )
                },
                service: service.clone(),
                indicator: Indicator {
                    metadata: Metadata {
                        name: format!("{name}{SLI_SUFFIX}"),
                        display_name: crate::tr!(lang, "slo-availability-of", component = &o.name),
                        annotations: Default::default(),
                    },
                    spec: IndicatorSpec {
                        ratio_metric: RatioMetric {
                            counter: false,
                            good: probe("sum_over_time"),
                            total: probe("count_over_time"),
                        },
                    },
                },
                time_window: vec![match start {
                    Some(day) => TimeWindow {
                        duration: o.window.clone(),
                        is_rolling: false,
                        calendar: Some(Calendar {
                            start_time: format!("{day} 00:00:00"),
                            time_zone: "Europe/Zurich".into(),
                        }),
                    },
                    None => TimeWindow {
                        duration: "30d".into(),
                        is_rolling: true,
                        calendar: None,
                    },
                }],
                budgeting_method: "Occurrences".into(),
                objectives: vec![ObjectiveSpec {
                    display_name: crate::tr!(lang, "percent-per-month", percent = o.target_percent),
                    target: round4(o.target_percent / 100.0),
                }],
            })),
        });
    }
    docs
}

/// 99.9 / 100 is 0.9990000000000001 in floating point: round to what was sold.
fn round4(x: f64) -> f64 {
    (x * 1_000_000.0).round() / 1_000_000.0
}

/// The documents as one multi-document YAML stream.
pub fn to_yaml(docs: &[Document]) -> Result<String, String> {
    serde_saphyr::to_string_multiple(docs).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_dns_safe() {
        assert_eq!(dns_label("Bank Zürich AG"), "bank-zuerich-ag");
        assert_eq!(dns_label("../../x"), "x");
        assert_eq!(dns_label("日本"), "unnamed");
        assert!(dns_label(&"a".repeat(100)).len() <= 63);
    }

    fn valid(name: &str) -> bool {
        name.len() <= MAX_NAME
            && !name.starts_with('-')
            && !name.ends_with('-')
            && name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    }

    fn objective(component: &str, plan: &str) -> Objective {
        Objective {
            component: component.into(),
            name: component.into(),
            plan: plan.into(),
            plan_name: plan.into(),
            target_percent: 99.9,
            window: "1M".into(),
            indicative: false,
            indicator: String::new(),
        }
    }

    #[test]
    fn names_are_unique_and_valid_for_every_length_of_customer_name() {
        let objectives = [
            objective("managed_openshift", "premium"),
            objective("managed_openshift", "test_cluster"),
            objective("managed_openshift_test_cluster", "standard"),
            objective("managed_openshift_test_cluster", "standard"),
            objective("appcat_postgresql", "besteffort"),
        ];
        let words = "Helvetia Privatbank AG Zürich Filiale Nord ".repeat(8);
        for len in 0..words.len() {
            let Some(customer) = words.get(..len) else {
                continue;
            };
            let docs = documents_of(customer, Some("2026-01-01"), "v", &objectives);
            let mut names = HashSet::new();
            for d in &docs {
                assert!(valid(&d.metadata.name), "{:?}", d.metadata.name);
                assert!(
                    names.insert(d.metadata.name.clone()),
                    "{customer:?}: {names:?}"
                );
                if let Spec::Slo(slo) = &d.spec {
                    let sli = &slo.indicator.metadata.name;
                    assert!(valid(sli), "{sli:?}");
                    assert!(names.insert(sli.clone()), "{customer:?}: {sli}");
                }
            }
            assert_eq!(names.len(), 1 + 2 * objectives.len());
        }
    }

    #[test]
    fn long_names_that_start_alike_differ() {
        let a = dns_label(&format!("{} Nord", "Helvetia Privatbank ".repeat(5)));
        let b = dns_label(&format!("{} Süd", "Helvetia Privatbank ".repeat(5)));
        assert_ne!(a, b);
        assert!(a.len() <= MAX_NAME && b.len() <= MAX_NAME);
        assert_eq!(
            dns_label("Helvetia Privatbank AG"),
            "helvetia-privatbank-ag"
        );
    }

    #[test]
    fn targets_are_what_was_sold() {
        assert_eq!(round4(99.9 / 100.0), 0.999);
        assert_eq!(round4(99.95 / 100.0), 0.9995);
    }
}
