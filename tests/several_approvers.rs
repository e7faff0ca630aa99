//! A flag may need several approvers (FINMA: Legal and the platform's
//! product owner): `check` names all of them in `approver`, lists their ids,
//! and the internal proposal shows both; the customer's shows neither.
#![allow(clippy::unwrap_used)]

mod common;

use assert_cmd::Command;
use tempfile::TempDir;

/// The binary with its directories in the test's home (tests/common).
fn nunki(home: &TempDir) -> Command {
    common::nunki(home.path())
}

#[test]
fn finma_names_legal_and_the_platform_product_owner() {
    let home = TempDir::new().unwrap();
    let answers = home.path().join("bank.json");
    std::fs::write(
        &answers,
        r#"{"compliance": ["finma"], "tenancy": "dedicated", "cloud_provider": "cloudscale"}"#,
    )
    .unwrap();
    let out = nunki(&home)
        .args(["check", "--format", "json", "--answers"])
        .arg(&answers)
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let finma = json["flags"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "finma_outsourcing")
        .unwrap();
    assert_eq!(finma["approver"], "Legal, Product owner APPUiO Managed");
    assert_eq!(
        finma["approvers"],
        serde_json::json!(["legal", "po_appuio_managed"])
    );

    let internal = nunki(&home)
        .args(["export", "--audience", "internal", "-o", "-", "--answers"])
        .arg(&answers)
        .output()
        .unwrap();
    let internal = String::from_utf8(internal.stdout).unwrap();
    assert!(
        internal.contains("Legal, Product owner APPUiO Managed"),
        "{internal}"
    );
    let customer = nunki(&home)
        .args(["export", "-o", "-", "--answers"])
        .arg(&answers)
        .output()
        .unwrap();
    let customer = String::from_utf8(customer.stdout).unwrap();
    assert!(!customer.contains("Product owner"), "{customer}");
}
