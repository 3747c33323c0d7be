//! `journeymap export`: snapshots of the fixtures of `tests/export/` (maps with version
//! 1's sources, citations, state and KPI goals) in JSON and YAML, and version-0 maps
//! keeping their version-2 shape.

use crate::common::{export_outputs, journeys_in, root, version_0_examples};

fn json_of(path: &std::path::Path) -> serde_json::Value {
    let [(_, json), _] = export_outputs(&std::fs::read_to_string(path).unwrap());
    serde_json::from_str(&json).unwrap()
}

#[test]
fn fixtures_match_their_snapshots() {
    let maps = journeys_in(&root().join("tests/export"));
    assert!(!maps.is_empty());
    for map in maps {
        let name = map.file_stem().unwrap().to_string_lossy().to_string();
        let [(_, json), (_, yaml)] = export_outputs(&std::fs::read_to_string(&map).unwrap());
        let from_yaml: serde_json::Value = serde_saphyr::from_str(&yaml).unwrap();
        let from_json: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(from_json, from_yaml, "{name}: JSON and YAML describe the same document");
        for (format, output) in [("json", json), ("yaml", yaml)] {
            insta::with_settings!({
                snapshot_path => "../export",
                prepend_module_to_snapshot => false,
                omit_expression => true,
            }, {
                insta::assert_snapshot!(format!("{name}.{format}"), output);
            });
        }
    }
}

/// Every key of every object in the document, recursively.
fn keys(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                out.push(k.clone());
                keys(v, out);
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| keys(v, out)),
        _ => {}
    }
}

/// The fields version 3 adds are left out of a map that does not use them, so a
/// version-0 map exports as before, apart from `document_version`.
#[test]
fn version_0_maps_have_none_of_the_new_fields() {
    let maps = version_0_examples();
    assert!(maps.len() >= 8, "{maps:?}");
    const NEW: [&str; 5] = ["sources", "state", "cites", "verdict", "said_not_seen"];
    for map in maps {
        let doc = json_of(&map);
        assert_eq!(doc["document_version"], 3);
        let mut all = Vec::new();
        keys(&doc, &mut all);
        for key in NEW {
            assert!(!all.iter().any(|k| k == key), "{}: {key}", map.display());
        }
        assert!(doc["derived"].get("evidence").is_none(), "{}", map.display());
        // Plain text lanes stay lists of strings.
        for phase in doc["phases"].as_array().unwrap() {
            for step in phase["steps"].as_array().unwrap() {
                assert!(step["pains"].as_array().unwrap().iter().all(|p| p.is_string()), "{}", map.display());
                // A version-0 KPI has no id, no min or max, and always a value.
                for kpi in step["kpis"].as_array().unwrap() {
                    let fields: Vec<&String> = kpi.as_object().unwrap().keys().collect();
                    assert_eq!(fields, ["label", "target", "value"], "{}", map.display());
                    assert!(kpi["value"].is_object(), "{}", map.display());
                }
            }
        }
    }
}

#[test]
fn a_map_with_sources_exports_its_citations_goals_and_evidence() {
    let doc = json_of(&root().join("tests/export/sources.journey"));
    assert_eq!(doc["state"], "current");
    let sources: Vec<(&str, &str)> = doc["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["id"].as_str().unwrap(), s["kind"].as_str().unwrap()))
        .collect();
    assert_eq!(
        sources,
        [("i1", "interview"), ("i2", "interview"), ("o1", "observation"), ("a1", "analytics"), ("d1", "document")]
    );
    let step = |n: usize| {
        doc["phases"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|p| p["steps"].as_array().unwrap())
            .find(|s| s["number"] == n)
            .unwrap()
            .clone()
    };
    // Every statement carries `cites`, `[]` when it cites nothing.
    assert_eq!(step(1)["cites"], serde_json::json!(["i1"]));
    assert_eq!(step(2)["cites"], serde_json::json!([]));
    assert_eq!(step(1)["touchpoints"][0]["cites"], serde_json::json!(["a1"]));
    assert_eq!(step(2)["emotions"][1]["cites"], serde_json::json!(["i2", "o1"]));
    assert_eq!(step(1)["quotes"][0], serde_json::json!({"text": "Jag har ingen fullmakt, tror jag", "cites": ["i1"]}));
    assert_eq!(step(1)["thoughts"][0]["cites"], serde_json::json!([]));
    assert_eq!(step(3)["pains"][0]["cites"], serde_json::json!(["i1", "i2"]));
    // KPIs: a `max` missed, a `min` met, a `min` without data, a `target` as in version 0.
    let wait = &step(2)["kpis"][0];
    assert_eq!((wait["id"].as_str(), wait["verdict"].as_str()), (Some("wait"), Some("missed")));
    assert_eq!((wait["max"]["text"].as_str(), wait["target"].is_null()), (Some("8"), true));
    let opened = &doc["phases"][0]["kpis"][0];
    assert_eq!((opened["min"]["text"].as_str(), opened["verdict"].as_str()), (Some("60%"), Some("met")));
    let kpis = step(3)["kpis"].as_array().unwrap().clone();
    assert_eq!(kpis[0]["id"], "satisfied");
    assert!(kpis[0]["value"].is_null() && kpis[0]["verdict"].is_null() && kpis[0].get("verdict").is_some());
    assert_eq!(kpis[1]["target"]["text"], "5");
    assert!(kpis[1].get("verdict").is_none() && kpis[1].get("id").is_none() && kpis[1].get("min").is_none());
    // Evidence: the shares, and the one step with only what customers say.
    let evidence = &doc["derived"]["evidence"];
    assert_eq!(evidence["total"], serde_json::json!({"cited": 16, "total": 22, "percent": 72}));
    let lane = |name: &str| evidence["lanes"].as_array().unwrap().iter().find(|l| l["lane"] == name).unwrap().clone();
    assert_eq!((lane("actions")["cited"].as_u64(), lane("actions")["total"].as_u64()), (Some(1), Some(3)));
    assert_eq!(lane("thoughts")["percent"], 0);
    assert_eq!(evidence["phases"].as_array().unwrap().len(), 2);
    assert_eq!(evidence["steps"].as_array().unwrap().len(), 3);
    assert_eq!(
        evidence["said_not_seen"],
        serde_json::json!([{"step": 3, "action": "Får veta att fullmakten saknas [igen](x)"}])
    );
}
